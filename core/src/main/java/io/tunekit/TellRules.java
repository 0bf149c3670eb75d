package io.tunekit;

import io.tunekit.storage.Storage;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * Optuna's rules for finishing a trial: which outcome becomes which state with which values,
 * the fail reason kept in the trial's system attributes, the sampler's {@code afterTrial} before
 * the final state is stored, and the one atomic storage step that finishes the trial exactly
 * once.
 */
final class TellRules {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());

    /** Who tells, which decides what a trial that is already finished means. */
    enum Teller {
        /** A caller of {@code Study.tell}: telling a finished trial is an error. */
        USER,
        /**
         * The optimize loop after the objective ran: the trial may have been finished meanwhile
         * (a stale-trial sweep, a per-trial timeout, the objective telling it itself), and the
         * stored trial is the result.
         */
        LOOP
    }

    private final Study study;

    TellRules(Study study) {
        this.study = study;
    }

    /**
     * Finishes the trial.
     *
     * @return the trial as stored afterwards
     * @throws IllegalStateException if a {@link Teller#USER} tells a finished or WAITING trial
     * @throws IllegalArgumentException if the outcome's values are missing, or invalid for
     *     {@link Outcome.Kind#REQUIRE_COMPLETE}
     */
    FrozenTrial finish(long trialId, Outcome outcome, Teller teller) {
        Storage storage = study.storage();
        FrozenTrial trial = storage.trial(trialId);
        if (trial.state().isFinished()) {
            if (teller == Teller.LOOP) {
                return trial;
            }
            throw new IllegalStateException("Cannot tell a " + trial.state() + " trial: trial " + trial.number()
                    + " of study '" + study.name() + "' is already finished");
        }
        if (trial.state() == TrialState.WAITING) {
            throw new IllegalStateException(
                    "Cannot tell a WAITING trial: trial " + trial.number() + " has not been started (ask() starts it)");
        }
        Decision decision = decide(trial, outcome);
        if (decision.failReason().isPresent()) {
            storage.setTrialSystemAttr(
                    trialId, FrozenTrial.FAIL_REASON_KEY, decision.failReason().get());
            trial = storage.trial(trialId);
            if (teller == Teller.USER && outcome.kind() == Outcome.Kind.COMPLETE) {
                // The loop logs one line per finished trial itself; a direct tell has no other line.
                LOG.log(
                        Level.WARNING,
                        "Trial {0} failed: {1}",
                        trial.number(),
                        decision.failReason().get());
            }
        }
        RuntimeException samplerError = null;
        try {
            study.sampler().afterTrial(study.samplerView(trial), trial, decision.state(), decision.values());
        } catch (RuntimeException e) {
            samplerError = e;
        }
        boolean finished = storage.finishTrial(trialId, decision.state(), decision.values());
        if (samplerError != null) {
            throw samplerError;
        }
        FrozenTrial stored = storage.trial(trialId);
        if (!finished && teller == Teller.USER) {
            throw new IllegalStateException("Cannot tell a " + stored.state() + " trial: trial " + stored.number()
                    + " was finished by another worker meanwhile");
        }
        return stored;
    }

    /** The final state, values and fail reason an outcome gives this trial. */
    private record Decision(TrialState state, List<Double> values, Optional<String> failReason) {}

    private Decision decide(FrozenTrial trial, Outcome outcome) {
        switch (outcome.kind()) {
            case COMPLETE, REQUIRE_COMPLETE -> {
                List<Double> values = outcome.values();
                if (values.isEmpty()) {
                    throw new IllegalArgumentException(
                            "tell of trial " + trial.number() + " needs values (or a PRUNED/FAIL state)");
                }
                Optional<String> problem = invalidValues(values);
                if (problem.isEmpty()) {
                    return new Decision(TrialState.COMPLETE, values, Optional.empty());
                }
                if (outcome.kind() == Outcome.Kind.REQUIRE_COMPLETE) {
                    throw new IllegalArgumentException(
                            "Cannot tell trial " + trial.number() + " COMPLETE: " + problem.get());
                }
                return new Decision(TrialState.FAIL, List.of(), problem);
            }
            case PRUNED -> {
                List<Double> told = List.of();
                if (study.isSingleObjective() && !trial.intermediateValues().isEmpty()) {
                    double last = trial.intermediateValues()
                            .get(trial.intermediateValues().lastKey());
                    if (!Double.isNaN(last)) {
                        told = List.of(last);
                    }
                }
                return new Decision(TrialState.PRUNED, told, Optional.empty());
            }
            case FAILED -> {
                return new Decision(TrialState.FAIL, List.of(), outcome.failReason());
            }
            default -> throw new AssertionError(outcome.kind());
        }
    }

    private Optional<String> invalidValues(List<Double> values) {
        int objectives = study.directions().size();
        if (values.size() != objectives) {
            return Optional.of("The number of the values " + values.size()
                    + " did not match the number of the objectives " + objectives + ".");
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Optional.of("The value NaN is not acceptable.");
            }
        }
        return Optional.empty();
    }
}
