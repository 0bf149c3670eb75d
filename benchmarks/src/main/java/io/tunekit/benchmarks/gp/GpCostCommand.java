package io.tunekit.benchmarks.gp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunekit.Direction;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.SamplerRegistry;
import io.tunekit.benchmarks.problems.Problem;
import io.tunekit.benchmarks.problems.Problems;
import io.tunekit.benchmarks.quality.Quantiles;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.samplers.gp.GpSampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gp-cost}: the time of one {@link GpSampler} ask as a study grows (issue 4). One GP
 * study per problem runs sequentially, exactly as a user's would; an "ask" is
 * {@code study.ask()} plus the suggestion of every parameter (the GP fits and searches at the
 * first suggestion). At each checkpoint n the asks of trials n .. n+window-1, which see n .. n+window-1
 * completed trials, are timed and their median reported, in wall and in thread CPU seconds.
 */
@Command(
        name = "gp-cost",
        mixinStandardHelpOptions = true,
        description = "Time of one GpSampler ask at given numbers of completed trials (hartmann6 and a 20-D problem).")
public final class GpCostCommand implements Callable<Integer> {

    @Option(
            names = "--problems",
            split = ",",
            defaultValue = "hartmann6,styblinski_tang20",
            description = "Protocol problems, or styblinski_tang20 (default: ${DEFAULT-VALUE}).")
    List<String> problems;

    @Option(
            names = "--at",
            split = ",",
            defaultValue = "100,300,500",
            description = "Numbers of completed trials at which asks are timed (default: ${DEFAULT-VALUE}).")
    List<Integer> checkpoints;

    @Option(
            names = "--window",
            defaultValue = "5",
            description = "Asks timed at each checkpoint; the median is reported (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--sampler",
            defaultValue = "gp",
            description = "Sampler name from the registry, e.g. gp-optuna (default: ${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--seed", defaultValue = "0", description = "Sampler seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "JSON output file (default: bench-results/gp-cost.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (window < 1) {
            throw new IllegalArgumentException("--window=" + window + " must be >= 1");
        }
        int last = checkpoints.stream().mapToInt(Integer::intValue).max().orElseThrow() + window;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : problems) {
            Problem problem = problem(name.trim());
            double[][] times = run(problem, last);
            for (int c : checkpoints) {
                double[] wall = Arrays.copyOfRange(times[0], c, c + window);
                double[] cpu = Arrays.copyOfRange(times[1], c, c + window);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("problem", problem.name());
                row.put("dimension", problem.dimension());
                row.put("completed_trials", c);
                row.put("ask_wall_s_median", Quantiles.median(wall));
                row.put("ask_cpu_s_median", Quantiles.median(cpu));
                row.put("ask_wall_s", wall);
                row.put("ask_cpu_s", cpu);
                rows.add(row);
                System.err.println(problem.name() + " @" + c + ": ask " + Format.fixed3(Quantiles.median(wall))
                        + " s wall, " + Format.fixed3(Quantiles.median(cpu)) + " s CPU");
            }
        }
        String md = markdown(rows);
        System.out.println(md);
        Path json = out != null ? out : Path.of("bench-results", "gp-cost.json");
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("tool", "tunekit-benchmarks gp-cost");
        meta.put("created", Instant.now().toString());
        meta.put("java", System.getProperty("java.version"));
        meta.put("cpus", Runtime.getRuntime().availableProcessors());
        meta.put("sampler", sampler);
        meta.put("seed", seed);
        meta.put("window", window);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), Map.of("meta", meta, "rows", rows));
        Files.writeString(Path.of(json.toString().replaceAll("\\.json$", "") + ".md"), md);
        System.out.println("JSON: " + json.toAbsolutePath());
        return 0;
    }

    /** Wall and thread-CPU seconds of the ask of each trial number, over {@code trials} trials. */
    private double[][] run(Problem problem, int trials) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Study study = Study.builder()
                .name("gp-cost-" + problem.name())
                .direction(Direction.MINIMIZE)
                .sampler(SamplerRegistry.create(sampler, seed))
                .build();
        double[][] times = new double[2][trials];
        for (int n = 0; n < trials; n++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            Trial trial = study.ask();
            double[] x = new double[problem.dimension()];
            for (int i = 0; i < x.length; i++) {
                Problem.Parameter p = problem.parameters().get(i);
                x[i] = (Double) trial.suggest(p.name(), p.distribution());
            }
            times[0][n] = (System.nanoTime() - wall0) / 1e9;
            times[1][n] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            study.tell(trial, problem.evaluate(x));
        }
        return times;
    }

    /** A protocol problem, or the 20-D Styblinski-Tang used for the high-dimensional cost. */
    static Problem problem(String name) {
        if (name.equals("styblinski_tang20")) {
            List<Problem.Parameter> params = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                params.add(new Problem.Parameter("x" + i, FloatDistribution.of(-5, 5)));
            }
            return new Problem("styblinski_tang20", params, 20 * -39.16616570377142, x -> {
                double sum = 0;
                for (double xi : x) {
                    sum += xi * xi * xi * xi - 16 * xi * xi + 5 * xi;
                }
                return 0.5 * sum;
            });
        }
        return Problems.byName(name);
    }

    private String markdown(List<Map<String, Object>> rows) {
        StringBuilder md = new StringBuilder("## GpSampler: time of one ask\n\n");
        md.append("One sequential study per problem (sampler ")
                .append(sampler)
                .append(", seed ")
                .append(seed)
                .append("); the ask of trial n sees n ")
                .append("completed trials. Median over the asks of trials n .. n+")
                .append(window - 1)
                .append(" (wall, and CPU of the asking thread), with their range.\n\n");
        md.append("| problem | dim | completed trials | ask wall s | ask CPU s | wall range s |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : rows) {
            double[] wall = (double[]) r.get("ask_wall_s");
            md.append("| ")
                    .append(r.get("problem"))
                    .append(" | ")
                    .append(r.get("dimension"))
                    .append(" | ")
                    .append(r.get("completed_trials"))
                    .append(" | ")
                    .append(Format.fixed3((Double) r.get("ask_wall_s_median")))
                    .append(" | ")
                    .append(Format.fixed3((Double) r.get("ask_cpu_s_median")))
                    .append(" | ")
                    .append(Format.fixed3(Arrays.stream(wall).min().orElseThrow()))
                    .append(" .. ")
                    .append(Format.fixed3(Arrays.stream(wall).max().orElseThrow()))
                    .append(" |\n");
        }
        return md.toString();
    }
}
