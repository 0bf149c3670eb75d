package io.tunekit.benchmarks.overhead;

import io.tunekit.Direction;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.benchmarks.SamplerRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One repetition of the overhead benchmark in this JVM: optional warm-up studies (same
 * configuration, thrown away), then one fresh in-memory study of {@code trials} sequential
 * trials whose every trial end is time-stamped. Study creation is not timed.
 */
public final class Repetition {

    /**
     * What one repetition measured.
     *
     * @param trials trials run
     * @param totalSeconds wall time of the loop
     * @param cpuSeconds CPU time of the whole process during the loop (JIT and GC threads included)
     * @param threadCpuSeconds CPU time of the thread running the loop
     * @param trialEndNanos end of each trial, nanoseconds after the loop started
     */
    public record Result(
            int trials, double totalSeconds, double cpuSeconds, double threadCpuSeconds, long[] trialEndNanos) {

        /** Mean wall milliseconds per trial over trials {@code from..to} (0-based, inclusive). */
        public double msPerTrial(int from, int to) {
            long start = from == 0 ? 0 : trialEndNanos[from - 1];
            return (trialEndNanos[to] - start) / 1e6 / (to - from + 1);
        }

        /** The figures as a JSON-ready map (the end times are left out). */
        public Map<String, Object> summary() {
            int tenth = Math.max(1, trials / 10);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trials", trials);
            m.put("total_s", totalSeconds);
            m.put("cpu_s", cpuSeconds);
            m.put("thread_cpu_s", threadCpuSeconds);
            m.put("ms_per_trial", msPerTrial(0, trials - 1));
            m.put("ms_per_trial_first", msPerTrial(0, tenth - 1));
            m.put("ms_per_trial_last", msPerTrial(trials - tenth, trials - 1));
            m.put("window", tenth);
            return m;
        }
    }

    private Repetition() {}

    /** Runs {@code warmups} throw-away studies of {@code warmupTrials}, then the measured study. */
    public static Result run(Space space, OverheadConfig config, int trials, int warmups, int warmupTrials, long seed) {
        for (int i = 0; i < warmups; i++) {
            measure(space, config, warmupTrials, seed + 1 + i);
        }
        return measure(space, config, trials, seed);
    }

    private static Result measure(Space space, OverheadConfig config, int trials, long seed) {
        Study study = Study.builder()
                .direction(Direction.MINIMIZE)
                .sampler(SamplerRegistry.create(config.sampler(), seed))
                .build();
        long[] ends = new long[trials];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long threadCpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        switch (config.mode()) {
            case OPTIMIZE -> {
                int[] done = {0};
                study.optimize(
                        space.objective(),
                        OptimizeOptions.trials(trials).callbacks((s, t) -> ends[done[0]++] = System.nanoTime() - t0));
            }
            case ASK_TELL -> {
                for (int i = 0; i < trials; i++) {
                    Trial trial = study.ask();
                    Map<String, Object> params = new LinkedHashMap<>();
                    space.distributions().forEach((name, d) -> params.put(name, trial.suggest(name, d)));
                    study.tell(trial, space.value(params));
                    ends[i] = System.nanoTime() - t0;
                }
            }
            case ASK_TELL_FIXED -> {
                for (int i = 0; i < trials; i++) {
                    Trial trial = study.ask(space.distributions());
                    study.tell(trial, space.value(trial.params()));
                    ends[i] = System.nanoTime() - t0;
                }
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpu0) / 1e9;
        return new Result(trials, total, cpu, threadCpu, ends);
    }
}
