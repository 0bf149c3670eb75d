package io.tunekit.analysis.terminator;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialCallback;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a {@link Terminator} after every finished trial of {@link Study#optimize} and stops the
 * loop (running trials finish; no new one starts) when it says so. Keeps every check, so a
 * program can print when and why the study stopped.
 *
 * <pre>{@code
 * TerminatorCallback stopper = new TerminatorCallback(Terminator.defaults());
 * study.optimize(objective, OptimizeOptions.trials(500).callbacks(stopper));
 * stopper.stopCheck().ifPresent(c -> System.out.println(c.explanation()));
 * }</pre>
 */
public final class TerminatorCallback implements TrialCallback {

    private static final System.Logger LOG = System.getLogger(TerminatorCallback.class.getName());

    private final Terminator terminator;
    private final List<TerminationCheck> checks = new ArrayList<>();
    private TerminationCheck stop;

    /** A callback with {@link Terminator#defaults()}. */
    public TerminatorCallback() {
        this(Terminator.defaults());
    }

    public TerminatorCallback(Terminator terminator) {
        this.terminator = Objects.requireNonNull(terminator, "terminator");
    }

    @Override
    public void onTrialFinished(Study study, FrozenTrial trial) {
        TerminationCheck check = terminator.check(study);
        synchronized (this) {
            checks.add(check);
            if (check.shouldTerminate() && stop == null) {
                stop = check;
            }
        }
        if (check.shouldTerminate()) {
            LOG.log(Level.INFO, "The study has been stopped by the terminator: {0}", check.explanation());
            study.stop();
        }
    }

    /** The check that stopped the study, if one did. */
    public synchronized Optional<TerminationCheck> stopCheck() {
        return Optional.ofNullable(stop);
    }

    /** Every check so far, in order. */
    public synchronized List<TerminationCheck> checks() {
        return List.copyOf(checks);
    }
}
