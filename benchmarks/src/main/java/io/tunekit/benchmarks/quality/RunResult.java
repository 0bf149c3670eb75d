package io.tunekit.benchmarks.quality;

import java.util.List;
import java.util.Map;

/**
 * One study of the quality benchmark (docs/benchmarks.md §2.4, {@code runs[]}): the values in
 * trial order, the best-so-far curve and what it cost.
 *
 * @param problem the problem's name
 * @param sampler the sampler's registry name
 * @param seed the sampler's seed
 * @param budget the trials asked for
 * @param samplerSpec how the sampler was configured
 * @param optimum the problem's optimum
 * @param values the objective values of the COMPLETE trials, in trial order
 * @param bestCurve best-so-far values, same length as {@code values}
 * @param bestParams the parameters of the best trial (empty if none)
 * @param wallSeconds wall time of the optimisation loop
 * @param cpuSeconds CPU time of the thread that ran the loop
 * @param timedOut whether the run stopped at its time limit before its budget
 * @param error the exception that ended the run, or {@code null}
 */
public record RunResult(
        String problem,
        String sampler,
        long seed,
        int budget,
        String samplerSpec,
        double optimum,
        List<Double> values,
        List<Double> bestCurve,
        Map<String, Object> bestParams,
        double wallSeconds,
        double cpuSeconds,
        boolean timedOut,
        String error) {

    public RunResult {
        values = List.copyOf(values);
        bestCurve = List.copyOf(bestCurve);
        bestParams = Map.copyOf(bestParams);
    }

    /** The number of COMPLETE trials. */
    public int nTrials() {
        return values.size();
    }

    /** The best value, or NaN if no trial completed. */
    public double bestValue() {
        return bestCurve.isEmpty() ? Double.NaN : bestCurve.get(bestCurve.size() - 1);
    }

    /**
     * The simple regret after {@code k} trials, {@code min(v_1..v_k) - f*}; NaN if the run has
     * fewer than {@code k} trials.
     */
    public double regretAt(int k) {
        return k < 1 || k > bestCurve.size() ? Double.NaN : bestCurve.get(k - 1) - optimum;
    }
}
