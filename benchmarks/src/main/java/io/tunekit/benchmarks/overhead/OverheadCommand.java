package io.tunekit.benchmarks.overhead;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunekit.benchmarks.Bench;
import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.OptunaBaseline;
import io.tunekit.benchmarks.quality.Quantiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code overhead}: the framework-overhead benchmark of docs/benchmarks.md §3 (suite
 * {@code protocol}) and the TPE speed cases of issue 3 (suite {@code tpe-speed}: 40 floats x
 * 1000 trials, multivariate and univariate; MIXED10 x 10,000 trials with the default, multivariate TPE). Each repetition runs in a fresh JVM by default, after
 * warm-up studies that are not measured; the table reports the median over repetitions.
 */
@Command(
        name = "overhead",
        mixinStandardHelpOptions = true,
        description = "Framework cost per trial: trivial objective, in-memory storage, sequential trials.")
public final class OverheadCommand implements Callable<Integer> {

    /** One measured case. */
    record Case(Space space, OverheadConfig config, int trials) {}

    @Option(
            names = "--suite",
            description = "protocol (default), tpe-speed, or none with --space/--config.",
            defaultValue = "protocol")
    String suite;

    @Option(names = "--space", split = ",", description = "Spaces (MIXED10, FLOATS10, FLOATS40); replaces the suite.")
    List<Space> spaces;

    @Option(
            names = "--config",
            split = ",",
            description = "Configs (protocol names or sampler names); replaces the suite.")
    List<String> configs;

    @Option(
            names = "--trials",
            defaultValue = "1000",
            description = "Trials per study with --space/--config (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--reps",
            defaultValue = "3",
            description = "Repetitions; the median is reported (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(
            names = "--warmup",
            defaultValue = "1",
            description = "Unmeasured warm-up studies before each measured one, same JVM (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-trials", description = "Trials of a warm-up study (default: min(trials, 1000)).")
    Integer warmupTrials;

    @Option(
            names = "--in-process",
            description = "Run every repetition in this JVM instead of a fresh JVM per repetition.")
    boolean inProcess;

    @Option(names = "--out", description = "JSON output file (default: bench-results/overhead-<suite>.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Case> cases = cases();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Case c : cases) {
            int wt = warmupTrials != null ? warmupTrials : Math.min(c.trials(), 1000);
            List<Map<String, Object>> repetitions = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                repetitions.add(
                        !inProcess
                                ? forked(c, wt)
                                : Repetition.run(c.space(), c.config(), c.trials(), warmup, wt, 0)
                                        .summary());
                System.err.println(c.space() + " " + c.config().name() + " x" + c.trials() + " rep " + r + ": "
                        + Format.fixed3(((Number) repetitions.get(r).get("total_s")).doubleValue()) + " s");
            }
            rows.add(row(c, repetitions, wt));
        }
        String md = markdown(rows);
        System.out.println(md);
        Path json = out != null
                ? out
                : Path.of("bench-results", "overhead-" + (spaces != null ? "custom" : suite) + ".json");
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("tool", "tunekit-benchmarks overhead");
        meta.put("created", Instant.now().toString());
        meta.put("java", System.getProperty("java.version"));
        meta.put("cpus", Runtime.getRuntime().availableProcessors());
        meta.put("reps", reps);
        meta.put("fresh_jvm_per_rep", !inProcess);
        meta.put("warmup_studies", warmup);
        meta.put("seed", 0);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), Map.of("meta", meta, "rows", rows));
        Files.writeString(Path.of(json.toString().replaceAll("\\.json$", "") + ".md"), md);
        System.out.println("JSON: " + json.toAbsolutePath());
        return 0;
    }

    private List<Case> cases() {
        List<Case> out = new ArrayList<>();
        if (spaces != null || configs != null) {
            List<Space> ss = spaces != null ? spaces : List.of(Space.MIXED10);
            List<String> cs = configs != null ? configs : List.of("random");
            for (Space s : ss) {
                for (String c : cs) {
                    out.add(new Case(s, OverheadConfig.byName(c), trials));
                }
            }
            return out;
        }
        switch (suite) {
            case "protocol" -> {
                OverheadConfig.PROTOCOL.forEach(c -> out.add(new Case(Space.MIXED10, c, 1000)));
                for (String c : List.of("random", "tpe", "tpe_multivariate")) {
                    out.add(new Case(Space.FLOATS10, OverheadConfig.byName(c), 1000));
                }
            }
            case "tpe-speed" -> {
                out.add(new Case(Space.FLOATS40, OverheadConfig.byName("tpe_multivariate"), 1000));
                out.add(new Case(Space.FLOATS40, OverheadConfig.byName("tpe"), 1000));
                out.add(new Case(Space.MIXED10, OverheadConfig.byName("tpe_multivariate"), 10_000));
            }
            default -> throw new IllegalArgumentException("Unknown suite '" + suite + "'; known: protocol, tpe-speed");
        }
        return out;
    }

    private Map<String, Object> forked(Case c, int wt) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Bench.class.getName(),
                "overhead-rep",
                "--space",
                c.space().name(),
                "--config",
                c.config().name(),
                "--trials",
                Integer.toString(c.trials()),
                "--warmup",
                Integer.toString(warmup),
                "--warmup-trials",
                Integer.toString(wt));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("repetition " + cmd + " exited with " + code + ": " + stdout);
        }
        String last = stdout.strip().lines().reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readValue(last, new TypeReference<Map<String, Object>>() {});
    }

    private Map<String, Object> row(Case c, List<Map<String, Object>> repetitions, int wt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("config", c.config().name());
        row.put("sampler", c.config().sampler());
        row.put("mode", c.config().mode().name());
        row.put("space", c.space().name());
        row.put("trials", c.trials());
        row.put("warmup_studies", warmup);
        row.put("warmup_trials", wt);
        for (String key : List.of(
                "total_s", "cpu_s", "thread_cpu_s", "ms_per_trial", "ms_per_trial_first", "ms_per_trial_last")) {
            row.put(
                    key,
                    Quantiles.median(repetitions.stream()
                            .mapToDouble(m -> ((Number) m.get(key)).doubleValue())
                            .toArray()));
        }
        row.put("window", repetitions.get(0).get("window"));
        row.put(
                "total_s_per_rep",
                repetitions.stream().map(m -> m.get("total_s")).toList());
        return row;
    }

    private String markdown(List<Map<String, Object>> rows) {
        StringBuilder md =
                new StringBuilder("## Framework overhead: trivial objective, in-memory storage, sequential trials\n\n");
        md.append("Median of ")
                .append(reps)
                .append(" repetitions")
                .append(!inProcess ? ", each in a fresh JVM" : ", all in this JVM")
                .append(", each after ")
                .append(warmup)
                .append(" unmeasured warm-up stud")
                .append(warmup == 1 ? "y" : "ies")
                .append(
                        " of the same configuration in the same JVM; study creation excluded; seed 0. CPU s = whole process "
                                + "(JIT and GC threads included); first/last = the first/last 10% of the trials. Rows `optuna-3.1` "
                                + "are the Optuna 3.1.0 baseline of docs/benchmarks.md.\n\n");
        md.append(
                "| config | space | trials | total s | CPU s | ms/trial (all) | ms/trial last 10% | ms/trial first 10% | total s per rep |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        OptunaBaseline baseline = OptunaBaseline.load();
        for (Map<String, Object> r : rows) {
            int n = (Integer) r.get("trials");
            int w = ((Number) r.get("window")).intValue();
            md.append("| ")
                    .append(r.get("config"))
                    .append(" | ")
                    .append(r.get("space"))
                    .append(" | ")
                    .append(n)
                    .append(" | ")
                    .append(Format.fixed3(d(r, "total_s")))
                    .append(" | ")
                    .append(Format.fixed3(d(r, "cpu_s")))
                    .append(" | ")
                    .append(Format.fixed3(d(r, "ms_per_trial")))
                    .append(" | (")
                    .append(n - w)
                    .append('-')
                    .append(n - 1)
                    .append(") ")
                    .append(Format.fixed3(d(r, "ms_per_trial_last")))
                    .append(" | (0-")
                    .append(w - 1)
                    .append(") ")
                    .append(Format.fixed3(d(r, "ms_per_trial_first")))
                    .append(" | ");
            List<?> per = (List<?>) r.get("total_s_per_rep");
            md.append(String.join(
                            ", ",
                            per.stream()
                                    .map(x -> Format.fixed3(((Number) x).doubleValue()))
                                    .toList()))
                    .append(" |\n");
            optunaRow(baseline, (String) r.get("config"), (String) r.get("space"), n)
                    .ifPresent(md::append);
        }
        return md.toString();
    }

    private static Optional<String> optunaRow(OptunaBaseline baseline, String config, String space, int trials) {
        if (trials != 1000) {
            return Optional.empty();
        }
        String optunaConfig = space.equals("FLOATS10") && config.equals("random") ? "random_floats" : config;
        return baseline.overhead().stream()
                .filter(o -> o.config().equals(optunaConfig) && o.space().equals(space))
                .findFirst()
                .map(o -> "| optuna-3.1 " + o.config() + " | " + o.space() + " | 1000 | "
                        + Format.fixed2(o.totalSeconds())
                        + " | " + Format.fixed2(o.cpuSeconds()) + " | " + Format.fixed2(o.msPerTrial())
                        + " | (900-999) "
                        + Format.fixed2(o.msPerTrialLast()) + " | (0-99) " + Format.fixed2(o.msPerTrialFirst())
                        + " | - |\n");
    }

    private static double d(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).doubleValue();
    }
}
