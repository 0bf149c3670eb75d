package io.tunekit.benchmarks.pruning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.quality.Quantiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The pruning benchmark's results: one row per pruner, aggregated over seeds. */
public final class PruningReport {

    private final List<PruningRun> runs;
    private final Map<String, Object> meta;

    /**
     * @param runs every study, in any order
     * @param meta what was run (trials, steps, sampler, seeds), written into the JSON
     */
    public PruningReport(List<PruningRun> runs, Map<String, Object> meta) {
        this.runs = List.copyOf(runs);
        this.meta = Map.copyOf(meta);
    }

    /**
     * The markdown table: per pruner, the mean steps consumed and their share of the budget
     * saved, the mean pruned trials, the median (25%-75%) over seeds of the true final score of
     * the trial each study picks as best, the same for the unpruned study of the same seed
     * stopped after as many steps (as many full trials as the steps pay for; n/a without a
     * {@code none} run), and the median reported value of the best trial.
     */
    public String markdown() {
        Map<Long, PruningRun> unpruned = new LinkedHashMap<>();
        for (PruningRun r : runs) {
            if (r.pruner().equals("none")) {
                unpruned.put(r.seed(), r);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| pruner | steps (mean) | saved | pruned trials (mean) | best final score: median [q25, q75] "
                + "| none after as many steps: median | best reported value: median | wall s (median) |\n");
        out.append("|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (Map.Entry<String, List<PruningRun>> e : byPruner().entrySet()) {
            List<PruningRun> rs = e.getValue();
            double steps = mean(rs, PruningRun::steps);
            double budget = mean(rs, PruningRun::stepBudget);
            double[] finals = values(rs, PruningRun::bestFinalScore);
            out.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(Math.round(steps))
                    .append(" | ")
                    .append(Math.round(100 * (budget - steps) / budget))
                    .append("%")
                    .append(" | ")
                    .append(Format.sig3(mean(rs, PruningRun::pruned)))
                    .append(" | ")
                    .append(Format.fixed3(Quantiles.median(finals)))
                    .append(" [")
                    .append(Format.fixed3(Quantiles.of(finals, 0.25)))
                    .append(", ")
                    .append(Format.fixed3(Quantiles.of(finals, 0.75)))
                    .append("]")
                    .append(" | ")
                    .append(sameSteps(rs, unpruned))
                    .append(" | ")
                    .append(Format.fixed3(Quantiles.median(values(rs, PruningRun::bestValue))))
                    .append(" | ")
                    .append(Format.fixed2(Quantiles.median(values(rs, PruningRun::wallSeconds))))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Writes {@code {"meta": ..., "runs": [...]}}. */
    public void writeJson(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("meta", meta);
            json.put("runs", runs);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The median best final score of the unpruned studies after as many steps as these runs took. */
    private static String sameSteps(List<PruningRun> rs, Map<Long, PruningRun> unpruned) {
        List<Double> scores = new ArrayList<>();
        for (PruningRun r : rs) {
            PruningRun none = unpruned.get(r.seed());
            long fullTrials = r.steps() / (r.stepBudget() / r.trials());
            if (none != null && fullTrials >= 1) {
                scores.add(none.bestFinalByTrials().get((int) Math.min(fullTrials, none.trials()) - 1));
            }
        }
        double[] v = scores.stream()
                .mapToDouble(Double::doubleValue)
                .filter(x -> !Double.isNaN(x))
                .toArray();
        return v.length == 0 ? "n/a" : Format.fixed3(Quantiles.median(v));
    }

    private Map<String, List<PruningRun>> byPruner() {
        Map<String, List<PruningRun>> groups = new LinkedHashMap<>();
        for (PruningRun r : runs) {
            groups.computeIfAbsent(r.pruner(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static double mean(List<PruningRun> runs, ToDoubleFunction<PruningRun> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** The values that are not NaN (a study with no completed trial has no best). */
    private static double[] values(List<PruningRun> runs, ToDoubleFunction<PruningRun> f) {
        double[] v = runs.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).toArray();
        return v.length == 0 ? new double[] {Double.NaN} : v;
    }
}
