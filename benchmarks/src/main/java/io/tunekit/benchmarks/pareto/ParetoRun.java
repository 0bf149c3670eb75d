package io.tunekit.benchmarks.pareto;

import io.tunekit.samplers.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.List;

/**
 * One multi-objective study of the benchmark: the objective values of its COMPLETE trials in
 * trial order, and the wall-clock and CPU time at the end of each trial, from the study's start
 * (CPU: the whole process's, for Tunekit and for Optuna).
 *
 * @param framework {@code tunekit} or {@code optuna}
 * @param problem the problem's name
 * @param sampler the sampler's name
 * @param seed the sampler's seed
 * @param values one array of objective values per COMPLETE trial, in trial order
 * @param trialEndSeconds wall-clock seconds from the start to the end of each trial
 * @param trialEndCpuSeconds CPU seconds from the start to the end of each trial
 */
public record ParetoRun(
        String framework,
        String problem,
        String sampler,
        long seed,
        List<double[]> values,
        double[] trialEndSeconds,
        double[] trialEndCpuSeconds) {

    public ParetoRun {
        values = List.copyOf(values);
        trialEndSeconds = trialEndSeconds.clone();
        trialEndCpuSeconds = trialEndCpuSeconds.clone();
    }

    /** The hypervolume of the first {@code trials} trials' values (COMPLETE ones) against {@code ref}. */
    public double hypervolume(int trials, double[] ref) {
        List<double[]> first = new ArrayList<>(values.subList(0, Math.min(trials, values.size())));
        return Hypervolume.of(first, ref);
    }

    /**
     * The mean wall-clock time per trial, in milliseconds, of the trials {@code from} (inclusive)
     * to {@code to} (exclusive) counted from 0.
     */
    public double millisPerTrial(int from, int to) {
        return perTrial(trialEndSeconds, from, to);
    }

    /** The mean CPU time per trial, in milliseconds, of the trials {@code from} to {@code to} (exclusive). */
    public double cpuMillisPerTrial(int from, int to) {
        return perTrial(trialEndCpuSeconds, from, to);
    }

    private static double perTrial(double[] ends, int from, int to) {
        int end = Math.min(to, ends.length);
        if (end <= from) {
            return Double.NaN;
        }
        double start = from == 0 ? 0 : ends[from - 1];
        return (ends[end - 1] - start) * 1000 / (end - from);
    }
}
