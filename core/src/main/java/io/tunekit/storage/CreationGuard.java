package io.tunekit.storage;

/**
 * A condition under which {@link Storage#createTrial} creates a trial, checked in the same
 * atomic step as the creation. Guards are how exactly-once limits hold across threads,
 * processes and machines: a study-wide trial budget never overshoots, a grid point is taken by
 * exactly one trial.
 */
public sealed interface CreationGuard permits CreationGuard.TrialLimit, CreationGuard.Ticket {

    /**
     * Create only while the study holds fewer than {@code maxTrials} trials, counting every state.
     *
     * @param maxTrials the study-wide budget, at least 1
     */
    record TrialLimit(int maxTrials) implements CreationGuard {
        /** Validates the budget. */
        public TrialLimit {
            if (maxTrials < 1) {
                throw new IllegalArgumentException("TrialLimit: maxTrials=" + maxTrials + " must be >= 1");
            }
        }
    }

    /**
     * Take the next number of a study-level counter, if it is below {@code limit}: the counter is
     * the study system attribute {@code counterKey} (absent means 0, stored as an integer); the
     * number taken is stored in the new trial's system attribute {@code trialKey}, and the counter
     * is incremented. So every number {@code 0..limit-1} goes to exactly one trial.
     *
     * @param counterKey study system attribute holding the next free number
     * @param trialKey trial system attribute receiving the number taken
     * @param limit how many numbers there are, at least 1
     */
    record Ticket(String counterKey, String trialKey, long limit) implements CreationGuard {
        /** Validates the keys and the limit. */
        public Ticket {
            if (counterKey == null || counterKey.isEmpty() || trialKey == null || trialKey.isEmpty()) {
                throw new IllegalArgumentException("Ticket: counterKey and trialKey must be non-empty");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("Ticket: limit=" + limit + " must be >= 1");
            }
        }
    }
}
