package io.tunekit.benchmarks.pareto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.SamplerRegistry;
import io.tunekit.benchmarks.problems.ParetoProblem;
import io.tunekit.benchmarks.problems.ParetoProblems;
import io.tunekit.benchmarks.quality.Quantiles;
import io.tunekit.benchmarks.quality.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hypervolume}: the NSGA benchmark. Each multi-objective problem is minimised by each
 * sampler and seed for a number of trials; the hypervolume of the COMPLETE trials (against the
 * problem's reference point) is reported at checkpoints, with the time per trial. With
 * {@code --optuna-python} the same studies are run by Optuna in the same session
 * ({@code benchmarks/scripts/optuna5_nsga.py}), and both are measured with the same hypervolume
 * code; the script's output is kept beside the report, and {@code --optuna-runs} reads it back so
 * that experiments with Tunekit alone need not run Optuna again. Before the first recorded study,
 * unrecorded warm-up studies of every problem and sampler let the JIT compile the samplers, so
 * that every row's time per trial is a warmed JVM's, as Optuna's leave out Python's imports.
 */
@Command(
        name = "hypervolume",
        mixinStandardHelpOptions = true,
        description = "Hypervolume at checkpoints and time per trial of multi-objective samplers on ZDT1-3 and "
                + "DTLZ2, optionally beside Optuna's NSGA-II/III run in the same session.")
public final class HypervolumeCommand implements Callable<Integer> {

    @Option(
            names = "--sampler",
            split = ",",
            defaultValue = "nsga2,nsga3",
            description = "Tunekit sampler names from the registry (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(
            names = "--optuna-samplers",
            split = ",",
            defaultValue = "nsga2,nsga3",
            description = "Optuna samplers the script runs: nsga2, nsga3 (default: ${DEFAULT-VALUE}).")
    List<String> optunaSamplers;

    @Option(
            names = "--problems",
            split = ",",
            defaultValue = "zdt1,zdt2,zdt3,dtlz2",
            description = "Problems (default: ${DEFAULT-VALUE}).")
    List<String> problems;

    @Option(names = "--trials", defaultValue = "1000", description = "Trials per study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--at",
            split = ",",
            defaultValue = "500,1000",
            description = "Checkpoints: hypervolume after this many trials (default: ${DEFAULT-VALUE}).")
    List<Integer> checkpoints;

    @Option(names = "--seeds", defaultValue = "0-14", description = "Seeds (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(
            names = "--optuna-python",
            description = "A Python with Optuna 5.0: runs benchmarks/scripts/optuna5_nsga.py for the same problems "
                    + "and seeds first, in this session, and keeps its output as <out>-optuna.json.")
    Path optunaPython;

    @Option(
            names = "--optuna-runs",
            split = ",",
            description = "JSON files of Optuna's studies, written by benchmarks/scripts/optuna5_nsga.py or kept by an "
                    + "earlier --optuna-python run (<out>-optuna.json), read instead of running the script; they must "
                    + "hold every chosen problem, Optuna sampler and seed with at least --trials trials.")
    List<Path> optunaRuns;

    @Option(
            names = "--warmup-studies",
            defaultValue = "10",
            description = "Unrecorded studies of every problem and sampler (seeds -1, -2, ...), all run before the "
                    + "first recorded study, so that each row's time per trial is a warmed JVM's, as Optuna's leave "
                    + "out Python's imports. Every study has its own sampler, seeded by its own seed, so they "
                    + "change no hypervolume (default: ${DEFAULT-VALUE}).")
    int warmupStudies;

    @Option(
            names = "--script",
            defaultValue = "benchmarks/scripts/optuna5_nsga.py",
            description = "The Optuna script (default: ${DEFAULT-VALUE}).")
    Path script;

    @Option(
            names = "--out",
            defaultValue = "bench-results/hypervolume.json",
            description = "JSON output; the markdown goes beside it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        for (String s : samplers) {
            SamplerRegistry.create(s, 0); // fail fast on an unknown name
        }
        List<ParetoProblem> chosen =
                problems.stream().map(ParetoProblems::byName).toList();
        List<Long> seedList = Seeds.parse(seeds);
        if (optunaPython != null && optunaRuns != null) {
            throw new IllegalArgumentException(
                    "--optuna-python runs Optuna's studies, --optuna-runs reads them: give one of the two");
        }
        if (warmupStudies < 0) {
            throw new IllegalArgumentException("--warmup-studies=" + warmupStudies + " must be >= 0");
        }
        List<ParetoRun> runs = new ArrayList<>();
        if (optunaPython != null) {
            runs.addAll(optunaRuns(List.of(runOptuna(seedList)), seedList));
        } else if (optunaRuns != null) {
            runs.addAll(optunaRuns(optunaRuns, seedList));
        }
        // every problem and sampler before any recorded study: the JIT keeps compiling for longer than
        // one group's warm-up, and a later group can still exercise code the first one did not
        for (ParetoProblem problem : chosen) {
            for (String sampler : samplers) {
                for (int w = 1; w <= warmupStudies; w++) {
                    ParetoRunner.run(problem, sampler, -w, trials);
                }
            }
        }
        for (ParetoProblem problem : chosen) {
            for (String sampler : samplers) {
                for (long seed : seedList) {
                    ParetoRun run = ParetoRunner.run(problem, sampler, seed, trials);
                    System.err.println("tunekit " + problem.name() + " " + sampler + " seed " + seed + ": "
                            + Format.fixed2(run.trialEndSeconds()[run.trialEndSeconds().length - 1]) + " s");
                    runs.add(run);
                }
            }
        }
        String md = markdown(chosen, runs);
        System.out.println(md);
        write(runs, md);
        return 0;
    }

    /** Runs the Optuna script for the chosen problems, Optuna samplers and seeds; its output is kept beside --out. */
    private Path runOptuna(List<Long> seedList) throws IOException, InterruptedException {
        Path json = Path.of(out.toString().replaceAll("\\.json$", "") + "-optuna.json");
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        List<String> command = List.of(
                optunaPython.toString(),
                script.toString(),
                "--problems",
                String.join(",", problems),
                "--samplers",
                String.join(",", optunaSamplers),
                "--seeds",
                seedList.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--trials",
                Integer.toString(trials),
                "--out",
                json.toString());
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the Optuna script failed (exit " + process.exitValue() + "): " + command);
        }
        return json;
    }

    /**
     * Optuna's studies of the chosen problems, Optuna samplers and seeds, in that order, from the
     * script's JSON files (the first file holding a study wins; Optuna's seeded studies are
     * deterministic, so copies are equal).
     *
     * @throws IllegalArgumentException naming a study the files lack or hold with fewer than --trials trials
     */
    private List<ParetoRun> optunaRuns(List<Path> files, List<Long> seedList) throws IOException {
        Map<String, ParetoRun> byKey = new LinkedHashMap<>();
        for (Path file : files) {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode r : root.get("runs")) {
                List<double[]> values = new ArrayList<>();
                for (JsonNode v : r.get("values")) {
                    double[] p = new double[v.size()];
                    for (int m = 0; m < p.length; m++) {
                        p[m] = v.get(m).asDouble();
                    }
                    values.add(p);
                }
                ParetoRun run = new ParetoRun(
                        "optuna " + root.get("optuna").asText(),
                        r.get("problem").asText(),
                        r.get("sampler").asText(),
                        r.get("seed").asLong(),
                        values,
                        doubles(r.get("trial_end_seconds")),
                        doubles(r.get("trial_end_cpu_seconds")));
                byKey.putIfAbsent(key(run.problem(), run.sampler(), run.seed()), run);
            }
        }
        List<ParetoRun> out = new ArrayList<>();
        for (String problem : problems) {
            for (String sampler : optunaSamplers) {
                for (long seed : seedList) {
                    ParetoRun run = byKey.get(key(problem, sampler, seed));
                    if (run == null || run.values().size() < trials) {
                        throw new IllegalArgumentException("Optuna's " + problem + " " + sampler + " seed " + seed
                                + (run == null
                                        ? " is not in "
                                        : " has " + run.values().size() + " < " + trials + " trials in ")
                                + files);
                    }
                    out.add(run);
                }
            }
        }
        return out;
    }

    private static String key(String problem, String sampler, long seed) {
        return problem + " " + sampler + " " + seed;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Groups of runs by framework and sampler, per problem, in first-seen order. */
    private static Map<String, List<ParetoRun>> groups(List<ParetoRun> runs, String problem) {
        Map<String, List<ParetoRun>> out = new LinkedHashMap<>();
        for (ParetoRun r : runs) {
            if (r.problem().equals(problem)) {
                out.computeIfAbsent(r.framework() + " " + r.sampler(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        return out;
    }

    String markdown(List<ParetoProblem> chosen, List<ParetoRun> runs) {
        StringBuilder md = new StringBuilder();
        md.append("## Hypervolume (median [25% .. 75%] over ")
                .append(Seeds.parse(seeds).size())
                .append(" seeds; higher is better)\n\n");
        md.append("| problem | reference point | sampler |");
        checkpoints.forEach(c -> md.append(" @").append(c).append(" |"));
        md.append(" wall ms/trial | CPU ms/trial | CPU ms/trial, last 10% |\n|---|---|---|");
        checkpoints.forEach(c -> md.append("---|"));
        md.append("---|---|---|\n");
        for (ParetoProblem problem : chosen) {
            double[] ref = problem.referencePoint();
            for (Map.Entry<String, List<ParetoRun>> g :
                    groups(runs, problem.name()).entrySet()) {
                md.append("| ")
                        .append(problem.name())
                        .append(" | ")
                        .append(java.util.Arrays.toString(ref))
                        .append(" | ")
                        .append(g.getKey())
                        .append(" |");
                for (int c : checkpoints) {
                    double[] hv = g.getValue().stream()
                            .mapToDouble(r -> r.hypervolume(c, ref))
                            .toArray();
                    md.append(' ').append(spread(hv)).append(" |");
                }
                md.append(' ')
                        .append(median(g.getValue(), r -> r.millisPerTrial(0, trials)))
                        .append(" | ")
                        .append(median(g.getValue(), r -> r.cpuMillisPerTrial(0, trials)))
                        .append(" | ")
                        .append(median(g.getValue(), r -> r.cpuMillisPerTrial(trials - trials / 10, trials)))
                        .append(" |\n");
            }
        }
        md.append("\nms/trial: median over seeds of the time per trial (sampler, objective and in-memory storage), "
                + "wall-clock and CPU time of the whole process (JIT and garbage collection included), over all trials and over "
                + "the last 10%.\n");
        return md.toString();
    }

    private static String median(List<ParetoRun> runs, ToDoubleFunction<ParetoRun> metric) {
        return Format.sig3(Quantiles.median(runs.stream().mapToDouble(metric).toArray()));
    }

    private static String spread(double[] sample) {
        return Format.sig3(Quantiles.median(sample)) + " [" + Format.sig3(Quantiles.of(sample, 0.25)) + " .. "
                + Format.sig3(Quantiles.of(sample, 0.75)) + "]";
    }

    private void write(List<ParetoRun> runs, String md) {
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ParetoRun r : runs) {
                ParetoProblem problem = ParetoProblems.byName(r.problem());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("framework", r.framework());
                row.put("problem", r.problem());
                row.put("sampler", r.sampler());
                row.put("seed", r.seed());
                Map<String, Double> hv = new LinkedHashMap<>();
                for (int c : checkpoints) {
                    hv.put(Integer.toString(c), r.hypervolume(c, problem.referencePoint()));
                }
                row.put("hypervolume", hv);
                row.put("ms_per_trial", r.millisPerTrial(0, trials));
                row.put("cpu_ms_per_trial", r.cpuMillisPerTrial(0, trials));
                row.put("cpu_ms_per_trial_last_10pct", r.cpuMillisPerTrial(trials - trials / 10, trials));
                rows.add(row);
            }
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), Map.of("runs", rows));
            Files.writeString(Path.of(out.toString().replaceAll("\\.json$", "") + ".md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
