package io.tunekit.benchmarks.pareto;

import com.sun.management.OperatingSystemMXBean;
import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.benchmarks.SamplerRegistry;
import io.tunekit.benchmarks.problems.ParetoProblem;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one multi-objective study of the benchmark in memory, sequentially, as a user would,
 * recording the wall-clock and process CPU time (JIT compiler and garbage collector included) at
 * the end of each trial.
 */
public final class ParetoRunner {

    private ParetoRunner() {}

    /** {@code trials} trials of {@code problem} with a fresh sampler of this registry name and seed. */
    public static ParetoRun run(ParetoProblem problem, String samplerName, long seed, int trials) {
        Study study = Study.builder()
                .name(problem.name() + "-" + samplerName + "-" + seed)
                .directions(Collections.nCopies(problem.objectives(), Direction.MINIMIZE)
                        .toArray(Direction[]::new))
                .sampler(SamplerRegistry.create(samplerName, seed))
                .build();
        double[] ends = new double[trials];
        double[] cpuEnds = new double[trials];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        AtomicInteger finished = new AtomicInteger();
        long t0 = System.nanoTime();
        study.optimizeMulti(problem.objective(), OptimizeOptions.trials(trials).callbacks((s, t) -> {
            int i = finished.getAndIncrement();
            if (i < ends.length) {
                ends[i] = (System.nanoTime() - t0) / 1e9;
                cpuEnds[i] = (os.getProcessCpuTime() - cpu0) / 1e9;
            }
        }));
        List<double[]> values = new ArrayList<>();
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) {
            values.add(t.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new ParetoRun("tunekit", problem.name(), samplerName, seed, values, ends, cpuEnds);
    }
}
