package io.tunekit.analysis.terminator;

import java.util.Locale;

/**
 * One evaluation of a {@link Terminator}: the room for improvement against the error, and the
 * decision.
 *
 * @param completeTrials the COMPLETE trials the evaluation saw
 * @param lastTrial the number of the latest COMPLETE trial, or -1 if there is none
 * @param improvement the improvement evaluator's value; NaN when there were too few trials
 * @param error the error evaluator's value; NaN when there were too few trials
 * @param decision what the terminator decided
 * @param improvementName what the improvement is, e.g. "regret bound"
 * @param errorName what the error is, e.g. "cross-validation error"
 */
public record TerminationCheck(
        int completeTrials,
        int lastTrial,
        double improvement,
        double error,
        Decision decision,
        String improvementName,
        String errorName) {

    /** The outcome of a check. */
    public enum Decision {
        /** Fewer COMPLETE trials than the terminator's minimum: not evaluated. */
        TOO_FEW_TRIALS,
        /** The improvement is still at least the error. */
        CONTINUE,
        /** The improvement fell below the error: more trials cannot pay. */
        TERMINATE
    }

    /** Whether the study should stop. */
    public boolean shouldTerminate() {
        return decision == Decision.TERMINATE;
    }

    /** A sentence saying what was decided and why. */
    public String explanation() {
        return switch (decision) {
            case TOO_FEW_TRIALS ->
                String.format(Locale.ROOT, "%d COMPLETE trials: too few to judge, continue", completeTrials);
            case CONTINUE ->
                String.format(
                        Locale.ROOT,
                        "after trial %d: %s %.6g >= %s %.6g, continue",
                        lastTrial,
                        improvementName,
                        improvement,
                        errorName,
                        error);
            case TERMINATE ->
                String.format(
                        Locale.ROOT,
                        "after trial %d: %s %.6g < %s %.6g: further trials cannot improve by more than the noise, stop",
                        lastTrial,
                        improvementName,
                        improvement,
                        errorName,
                        error);
        };
    }
}
