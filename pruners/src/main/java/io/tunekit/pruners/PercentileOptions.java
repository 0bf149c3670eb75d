package io.tunekit.pruners;

/**
 * The options {@link PercentilePruner} and {@link MedianPruner} share besides the schedule: the
 * startup trials and the trials needed at a step. Not public, for the reason given in
 * {@link StepScheduleOptions}.
 *
 * @param <B> the builder, returned by each setter for chaining
 */
abstract class PercentileOptions<B extends PercentileOptions<B>> extends StepScheduleOptions<B> {
    private int startupTrials = 5;
    private int minTrials = 1;

    PercentileOptions() {}

    /**
     * Completed trials needed before anything is pruned (default 5, at least 0).
     *
     * @param startupTrials the number of COMPLETE trials
     * @return this builder
     */
    public B startupTrials(int startupTrials) {
        this.startupTrials = startupTrials;
        return self();
    }

    /**
     * Completed trials that must have reported at the step being judged (default 1, at least 1).
     *
     * @param minTrials the number of COMPLETE trials
     * @return this builder
     */
    public B minTrials(int minTrials) {
        this.minTrials = minTrials;
        return self();
    }

    final int startupTrials() {
        return startupTrials;
    }

    final int minTrials() {
        return minTrials;
    }
}
