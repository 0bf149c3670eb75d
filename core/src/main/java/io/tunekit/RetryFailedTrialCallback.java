package io.tunekit;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-enqueues a trial that failed because its worker died (stale heartbeat), with the same
 * parameters, so another worker runs it again. As Optuna's {@code RetryFailedTrialCallback}:
 * the new WAITING trial records {@code failed_trial} (the first trial of the chain) and
 * {@code retry_history} (every failed number so far) in its system attributes; after
 * {@code maxRetry} retries of a chain it gives up. A retry takes a slot of the study-wide budget
 * ({@link OptimizeOptions#maxStudyTrials}) of the optimize call that found the failed trial, like
 * any new trial: when the budget is used up, the trial is not retried.
 */
public final class RetryFailedTrialCallback implements TrialCallback {

    /** System attribute: the number of the original trial of a retry chain. */
    public static final String FAILED_TRIAL_KEY = "failed_trial";
    /** System attribute: the numbers of the failed trials of a retry chain, oldest first. */
    public static final String RETRY_HISTORY_KEY = "retry_history";

    private static final System.Logger LOG = System.getLogger(RetryFailedTrialCallback.class.getName());

    private final Integer maxRetry;
    private final boolean inheritIntermediateValues;

    /** Retries without limit, without the failed trial's intermediate values. */
    public RetryFailedTrialCallback() {
        this(null, false);
    }

    /**
     * @param maxRetry how many times a chain is retried at most ({@code null}: no limit)
     * @param inheritIntermediateValues whether the retry starts with the failed trial's reports
     */
    public RetryFailedTrialCallback(Integer maxRetry, boolean inheritIntermediateValues) {
        if (maxRetry != null && maxRetry < 0) {
            throw new IllegalArgumentException("maxRetry=" + maxRetry + " must be >= 0");
        }
        this.maxRetry = maxRetry;
        this.inheritIntermediateValues = inheritIntermediateValues;
    }

    @Override
    public void onTrialFinished(Study study, FrozenTrial trial) {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put(FAILED_TRIAL_KEY, trial.number());
        system.put(RETRY_HISTORY_KEY, List.of());
        system.putAll(trial.systemAttrs());
        List<Object> history = new ArrayList<>(system.get(RETRY_HISTORY_KEY) instanceof List<?> h ? h : List.of());
        history.add(trial.number());
        system.put(RETRY_HISTORY_KEY, history);
        system.remove(FrozenTrial.FAIL_REASON_KEY);
        if (maxRetry != null && maxRetry < history.size()) {
            LOG.log(Level.INFO, "Trial {0} is not retried: its chain reached maxRetry={1}.", trial.number(), maxRetry);
            return;
        }
        FrozenTrial.Builder retry = FrozenTrial.builder().state(TrialState.WAITING);
        trial.params()
                .forEach(
                        (name, value) -> retry.param(name, trial.distributions().get(name), value));
        trial.userAttrs().forEach(retry::userAttr);
        system.forEach(retry::systemAttr);
        if (inheritIntermediateValues) {
            trial.intermediateValues().forEach(retry::intermediateValue);
        }
        Optional<FrozenTrial> added = study.addRetry(retry.build());
        if (added.isPresent()) {
            LOG.log(
                    Level.INFO,
                    "Trial {0} is retried as trial {1}.",
                    trial.number(),
                    added.get().number());
        } else {
            LOG.log(
                    Level.INFO,
                    "Trial {0} is not retried: the study-wide trial budget of the running optimize call is used up.",
                    trial.number());
        }
    }

    /** The number of the original trial a retried trial stands for, if it is a retry. */
    public static java.util.OptionalInt retriedTrialNumber(FrozenTrial trial) {
        return trial.systemAttrs().get(FAILED_TRIAL_KEY) instanceof Number n
                ? java.util.OptionalInt.of(n.intValue())
                : java.util.OptionalInt.empty();
    }

    /** The failed trial numbers of a retried trial's chain (empty if it is not a retry). */
    public static List<Integer> retryHistory(FrozenTrial trial) {
        List<Integer> out = new ArrayList<>();
        if (trial.systemAttrs().get(RETRY_HISTORY_KEY) instanceof List<?> h) {
            for (Object o : h) {
                out.add(((Number) o).intValue());
            }
        }
        return List.copyOf(out);
    }
}
