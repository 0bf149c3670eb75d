package io.tunekit.pruners;

/**
 * The options of every pruner that checks on a {@link CheckSchedule}: the warm-up and the
 * interval between checks. Each such pruner's public {@code Builder} extends this class, so the
 * setters and their documentation exist once; Javadoc shows them on each builder, since this
 * class is not public.
 *
 * @param <B> the builder, returned by each setter for chaining
 */
abstract class StepScheduleOptions<B extends StepScheduleOptions<B>> {
    private int warmupSteps = 0;
    private int intervalSteps = 1;

    StepScheduleOptions() {}

    /**
     * Steps before which a trial is not pruned (default 0, at least 0).
     *
     * @param warmupSteps the number of steps
     * @return this builder
     */
    public B warmupSteps(int warmupSteps) {
        this.warmupSteps = warmupSteps;
        return self();
    }

    /**
     * Steps between checks, counted from the end of the warm-up (default 1, at least 1).
     *
     * @param intervalSteps the number of steps
     * @return this builder
     */
    public B intervalSteps(int intervalSteps) {
        this.intervalSteps = intervalSteps;
        return self();
    }

    /**
     * The schedule of these options.
     *
     * @throws IllegalArgumentException naming the option that breaks its rule
     */
    final CheckSchedule schedule() {
        return new CheckSchedule(warmupSteps, intervalSteps);
    }

    @SuppressWarnings("unchecked") // B is the concrete builder by the class declaration
    final B self() {
        return (B) this;
    }
}
