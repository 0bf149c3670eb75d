package io.tunekit.benchmarks.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.OptunaBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results of a quality benchmark: per (problem, sampler, checkpoint) the median and quartiles
 * of the simple regret over seeds, as the JSON of docs/benchmarks.md §2.4 and as markdown tables
 * with Optuna 3.1.0's figures beside ours.
 */
public final class QualityReport {

    /** The protocol's checkpoints. */
    public static final List<Integer> PROTOCOL_CHECKPOINTS = List.of(25, 50, 100, 200);

    private final List<RunResult> runs;
    private final int budget;
    private final List<Long> seeds;
    private final List<Integer> checkpoints;
    private final OptunaBaseline baseline;

    public QualityReport(List<RunResult> runs, int budget, List<Long> seeds, OptunaBaseline baseline) {
        this.runs = List.copyOf(runs);
        this.budget = budget;
        this.seeds = List.copyOf(seeds);
        this.checkpoints = checkpoints(budget);
        this.baseline = baseline;
    }

    /** The protocol's checkpoints up to {@code budget}, plus {@code budget} itself past 200 or below 25. */
    public static List<Integer> checkpoints(int budget) {
        List<Integer> out = new ArrayList<>();
        for (int k : PROTOCOL_CHECKPOINTS) {
            if (k <= budget) {
                out.add(k);
            }
        }
        if (out.isEmpty() || budget > PROTOCOL_CHECKPOINTS.get(PROTOCOL_CHECKPOINTS.size() - 1)) {
            out.add(budget);
        }
        return List.copyOf(out);
    }

    /** The checkpoints reported. */
    public List<Integer> checkpoints() {
        return checkpoints;
    }

    /** Median, quartiles and count of the regret at {@code k} over the runs of (problem, sampler). */
    public Optional<Stats> regret(String problem, String sampler, int k) {
        double[] r = runsOf(problem, sampler).stream()
                .mapToDouble(x -> x.regretAt(k))
                .filter(v -> !Double.isNaN(v))
                .toArray();
        if (r.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Stats(Quantiles.of(r, 0.25), Quantiles.median(r), Quantiles.of(r, 0.75), r.length));
    }

    /** A median with its quartiles and the number of runs behind it. */
    public record Stats(double q25, double median, double q75, int n) {
        String text() {
            return Format.sig3(median) + " [" + Format.sig3(q25) + " .. " + Format.sig3(q75) + "]";
        }
    }

    private List<RunResult> runsOf(String problem, String sampler) {
        return runs.stream()
                .filter(r -> r.problem().equals(problem) && r.sampler().equals(sampler))
                .toList();
    }

    private Set<String> problems() {
        Set<String> out = new LinkedHashSet<>();
        runs.forEach(r -> out.add(r.problem()));
        return out;
    }

    private Set<String> samplers() {
        Set<String> out = new LinkedHashSet<>();
        runs.forEach(r -> out.add(r.sampler()));
        return out;
    }

    private double medianOf(String problem, String sampler, java.util.function.ToDoubleFunction<RunResult> f) {
        return Quantiles.median(runsOf(problem, sampler).stream().mapToDouble(f).toArray());
    }

    /** The JSON document of docs/benchmarks.md §2.4. */
    public Map<String, Object> json() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("tool", "tunekit-benchmarks quality");
        meta.put("created", Instant.now().toString());
        meta.put("java", System.getProperty("java.version"));
        meta.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        meta.put("cpus", Runtime.getRuntime().availableProcessors());
        meta.put("budget", budget);
        meta.put("seeds", seeds);
        meta.put("checkpoints", checkpoints);
        meta.put("problems", new ArrayList<>(problems()));
        meta.put("samplers", new ArrayList<>(samplers()));
        meta.put("cpu_s", "CPU time of the thread running the optimisation loop");

        Map<String, Object> summary = new LinkedHashMap<>();
        for (String problem : problems()) {
            Map<String, Object> bySampler = new LinkedHashMap<>();
            for (String sampler : samplers()) {
                Map<String, Object> s = new LinkedHashMap<>();
                for (int k : checkpoints) {
                    regret(problem, sampler, k)
                            .ifPresent(st -> s.put(
                                    Integer.toString(k),
                                    Map.of("q25", st.q25(), "median", st.median(), "q75", st.q75(), "n", st.n())));
                }
                s.put("wall_s_median", medianOf(problem, sampler, RunResult::wallSeconds));
                s.put("cpu_s_median", medianOf(problem, sampler, RunResult::cpuSeconds));
                bySampler.put(sampler, s);
            }
            summary.put(problem, bySampler);
        }

        List<Map<String, Object>> runList = new ArrayList<>();
        for (RunResult r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problem", r.problem());
            m.put("sampler", r.sampler());
            m.put("seed", r.seed());
            m.put("budget", r.budget());
            m.put("sampler_spec", r.samplerSpec());
            m.put("optimum", r.optimum());
            m.put("n_trials", r.nTrials());
            m.put("values", r.values());
            m.put("best_curve", r.bestCurve());
            m.put("best_value", r.bestValue());
            m.put("best_params", r.bestParams());
            m.put("wall_s", r.wallSeconds());
            m.put("cpu_s", r.cpuSeconds());
            m.put("timed_out", r.timedOut());
            m.put("error", r.error());
            runList.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("meta", meta);
        root.put("summary", summary);
        root.put("runs", runList);
        return root;
    }

    /** Writes {@link #json()} to a file (parent folders created). */
    public void writeJson(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regret tables, one per problem, then the comparison against Optuna's best TPE. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Quality: simple regret (best-so-far minus optimum), median [25% .. 75%] over ")
                .append(seeds.size())
                .append(" seeds, budget ")
                .append(budget)
                .append("\n\n");
        md.append(
                "Rows `optuna-3.1 *` are Optuna 3.1.0's figures from the baseline of docs/benchmarks.md (same protocol, "
                        + "measured there), printed for comparison.\n");
        for (String problem : problems()) {
            double optimum = runs.stream()
                    .filter(r -> r.problem().equals(problem))
                    .findFirst()
                    .orElseThrow()
                    .optimum();
            md.append("\n### ")
                    .append(problem)
                    .append(" (optimum ")
                    .append(optimum)
                    .append(")\n\n");
            md.append("| sampler | runs |");
            checkpoints.forEach(k -> md.append(" @").append(k).append(" |"));
            md.append(" median wall s/run |\n|---|---|");
            checkpoints.forEach(k -> md.append("---|"));
            md.append("---|\n");
            for (String sampler : samplers()) {
                md.append("| ")
                        .append(sampler)
                        .append(" | ")
                        .append(runsOf(problem, sampler).size())
                        .append(" |");
                for (int k : checkpoints) {
                    md.append(' ')
                            .append(regret(problem, sampler, k).map(Stats::text).orElse("-"))
                            .append(" |");
                }
                md.append(' ')
                        .append(Format.fixed3(medianOf(problem, sampler, RunResult::wallSeconds)))
                        .append(" |\n");
            }
            if (baseline != null) {
                for (String sampler : baseline.samplers(problem)) {
                    md.append("| optuna-3.1 ").append(sampler).append(" | 15 |");
                    for (int k : checkpoints) {
                        md.append(' ')
                                .append(baseline.regret(problem, sampler, k)
                                        .map(s -> Format.sig3(s.median()) + " [" + Format.sig3(s.q25()) + " .. "
                                                + Format.sig3(s.q75()) + "]")
                                        .orElse("-"))
                                .append(" |");
                    }
                    md.append(" - |\n");
                }
            }
        }
        if (baseline != null) {
            md.append(comparison());
        }
        return md.toString();
    }

    /**
     * For each sampler that is not random: its median regret at 100 and 200 trials against the
     * better of Optuna 3.1's two TPE variants and against random (ours if it was run, else
     * Optuna's).
     */
    private String comparison() {
        List<Integer> ks =
                checkpoints.stream().filter(k -> k == 100 || k == 200).toList();
        if (ks.isEmpty()) {
            return "";
        }
        StringBuilder md =
                new StringBuilder("\n### Median regret against Optuna 3.1's best TPE variant and random\n\n");
        md.append("| problem | sampler |");
        ks.forEach(k -> md.append(" @")
                .append(k)
                .append(" ours | @")
                .append(k)
                .append(" optuna best TPE | @")
                .append(k)
                .append(" random |"));
        md.append(" verdict |\n|---|---|");
        ks.forEach(k -> md.append("---|---|---|"));
        md.append("---|\n");
        for (String problem : problems()) {
            for (String sampler : samplers()) {
                if (sampler.equals("random")) {
                    continue;
                }
                md.append("| ").append(problem).append(" | ").append(sampler).append(" |");
                boolean beatsTpe = true;
                boolean beatsRandom = true;
                for (int k : ks) {
                    double ours = regret(problem, sampler, k).map(Stats::median).orElse(Double.NaN);
                    double tpe = baseline.bestTpeMedian(problem, k).orElse(Double.NaN);
                    double random = samplers().contains("random")
                            ? regret(problem, "random", k).map(Stats::median).orElse(Double.NaN)
                            : baseline.regret(problem, "random", k)
                                    .map(OptunaBaseline.Spread::median)
                                    .orElse(Double.NaN);
                    beatsTpe &= ours <= tpe;
                    beatsRandom &= ours < random;
                    md.append(' ')
                            .append(Format.sig3(ours))
                            .append(" | ")
                            .append(Format.sig3(tpe))
                            .append(" | ")
                            .append(Format.sig3(random))
                            .append(" |");
                }
                md.append(' ')
                        .append(beatsTpe ? "<= Optuna TPE" : "BEHIND Optuna TPE")
                        .append(", ")
                        .append(beatsRandom ? "better than random" : "NOT better than random")
                        .append(" |\n");
            }
        }
        return md.toString();
    }
}
