package io.tunekit.pruners;

import java.util.Set;

/**
 * When a step-based pruner looks at a trial at all: not before the warm-up, and only at the first
 * report of each interval window after it (Optuna's {@code _is_first_in_interval_step}). A window
 * whose first step was never reported is checked at the next report inside it.
 */
final class CheckSchedule {

    private final int warmupSteps;
    private final int intervalSteps;

    CheckSchedule(int warmupSteps, int intervalSteps) {
        this.warmupSteps = Validation.atLeast("warmupSteps", warmupSteps, 0);
        this.intervalSteps = Validation.atLeast("intervalSteps", intervalSteps, 1);
    }

    int warmupSteps() {
        return warmupSteps;
    }

    int intervalSteps() {
        return intervalSteps;
    }

    /**
     * Whether a trial whose latest report is at {@code step} is due for a check.
     *
     * @param reportedSteps every step the trial has reported, {@code step} included
     */
    boolean isDue(int step, Set<Integer> reportedSteps) {
        if (step < warmupSteps) {
            return false;
        }
        int windowStart = (step - warmupSteps) / intervalSteps * intervalSteps + warmupSteps;
        int previous = -1;
        for (int s : reportedSteps) {
            if (s != step && s > previous) {
                previous = s;
            }
        }
        // Checked only if no earlier report already fell into this window.
        return previous < windowStart;
    }
}
