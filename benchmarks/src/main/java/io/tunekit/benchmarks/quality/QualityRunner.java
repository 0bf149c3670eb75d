package io.tunekit.benchmarks.quality;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.benchmarks.SamplerRegistry;
import io.tunekit.benchmarks.problems.Problem;
import io.tunekit.sampler.Sampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the quality benchmark of docs/benchmarks.md §2: for each problem, sampler and seed a
 * fresh in-memory study, minimised sequentially for a budget of trials.
 */
public final class QualityRunner {

    private final int budget;
    private final Duration timeout;
    private final int jobs;

    /**
     * @param budget trials per study
     * @param timeout time limit of one study, or {@code null}
     * @param jobs studies run at the same time (each study stays sequential)
     */
    public QualityRunner(int budget, Duration timeout, int jobs) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget=" + budget + " must be >= 1");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs=" + jobs + " must be >= 1");
        }
        this.budget = budget;
        this.timeout = timeout;
        this.jobs = jobs;
    }

    /**
     * Runs every combination; {@code progress} sees each result as it ends. The result is in
     * (problem, sampler, seed) order whatever {@code jobs} is.
     */
    public List<RunResult> run(
            List<Problem> problems, List<String> samplers, List<Long> seeds, Consumer<RunResult> progress) {
        Object progressLock = new Object();
        List<Future<RunResult>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            for (Problem problem : problems) {
                for (String sampler : samplers) {
                    for (long seed : seeds) {
                        futures.add(pool.submit(() -> {
                            RunResult r = runOne(problem, sampler, seed);
                            synchronized (progressLock) {
                                progress.accept(r);
                            }
                            return r;
                        }));
                    }
                }
            }
            List<RunResult> results = new ArrayList<>(futures.size());
            for (Future<RunResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark run crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One study: the problem minimised by a fresh sampler of this name and seed. */
    public RunResult runOne(Problem problem, String samplerName, long seed) {
        Sampler sampler = SamplerRegistry.create(samplerName, seed);
        Study study = Study.builder()
                .name(problem.name() + "-" + samplerName + "-" + seed)
                .direction(Direction.MINIMIZE)
                .sampler(sampler)
                .build();
        OptimizeOptions options = OptimizeOptions.trials(budget);
        if (timeout != null) {
            options = options.timeout(timeout);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        String error = null;
        try {
            study.optimize(problem.objective(), options);
        } catch (RuntimeException e) {
            error = e.toString();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;

        List<Double> values = new ArrayList<>();
        List<Double> curve = new ArrayList<>();
        Map<String, Object> bestParams = new LinkedHashMap<>();
        double best = Double.POSITIVE_INFINITY;
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) {
            values.add(t.value());
            if (t.value() < best) {
                best = t.value();
                bestParams = new LinkedHashMap<>(t.params());
            }
            curve.add(best);
        }
        boolean timedOut = error == null && values.size() < budget;
        return new RunResult(
                problem.name(),
                samplerName,
                seed,
                budget,
                sampler.toString(),
                problem.optimum(),
                values,
                curve,
                bestParams,
                wall,
                cpu,
                timedOut,
                error);
    }
}
