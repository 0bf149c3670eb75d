package io.tunekit.benchmarks.pruning;

import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.SamplerRegistry;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pruning}: each pruner against no pruning on synthetic learning curves
 * ({@link LearningCurves}): steps consumed and the quality of the best trial found.
 */
@Command(
        name = "pruning",
        mixinStandardHelpOptions = true,
        description = "Run studies on synthetic learning curves with each pruner; report the steps consumed and "
                + "the best final score next to no pruning.")
public final class PruningCommand implements Callable<Integer> {

    @Option(
            names = "--pruners",
            split = ",",
            description = "Pruner names, comma-separated (default: all: "
                    + "none, median, median-warmup, percentile25, successive-halving, hyperband, threshold, patient-median, "
                    + "wilcoxon).")
    List<String> pruners;

    @Option(
            names = "--sampler",
            defaultValue = "tpe",
            description = "Sampler name from the registry (default: ${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--trials", defaultValue = "200", description = "Trials per study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--steps", defaultValue = "50", description = "Steps of a full curve (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--seeds",
            defaultValue = "0-4",
            description = "Seeds, e.g. 0-4 or 0,3,5-7 (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(
            names = "--out",
            description = "JSON output file (default: bench-results/pruning-<sampler>.json); "
                    + "the markdown table goes beside it (.md).")
    Path out;

    @Option(names = "--quiet", description = "Do not print one line per finished study.")
    boolean quiet;

    @Override
    public Integer call() {
        List<String> names = pruners == null ? PrunerRegistry.names() : pruners;
        for (String name : names) {
            PrunerRegistry.create(name, steps); // fail fast on an unknown name
        }
        SamplerRegistry.create(sampler, 0);
        List<Long> seedList = Seeds.parse(seeds);
        PruningRunner runner = new PruningRunner(trials, steps);
        List<PruningRun> runs = new ArrayList<>();
        for (String name : names) {
            for (long seed : seedList) {
                PruningRun r = runner.run(sampler, name, seed);
                runs.add(r);
                if (!quiet) {
                    System.err.println(name + " seed " + seed + ": " + r.steps() + " of " + r.stepBudget()
                            + " steps, " + r.pruned() + " pruned, best final score " + Format.fixed3(r.bestFinalScore())
                            + ", " + Format.fixed2(r.wallSeconds()) + " s");
                }
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("sampler", sampler);
        meta.put("trials", trials);
        meta.put("steps", steps);
        meta.put("seeds", seedList);
        meta.put(
                "problem",
                "LearningCurves: final = 0.1 + sum w_i (x_i - c_i)^2, curve = final + (1.5 - final) "
                        + "exp(-(0.08 + 0.32 x0) t) + N(0, 0.03^2)");
        PruningReport report = new PruningReport(runs, meta);
        Path json = out != null ? out : Path.of("bench-results", "pruning-" + sampler + ".json");
        Path md = Path.of(json.toString().replaceAll("\\.json$", "") + ".md");
        report.writeJson(json);
        String table = report.markdown();
        try {
            Files.writeString(md, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(table);
        System.out.println("JSON: " + json.toAbsolutePath() + "\nMarkdown: " + md.toAbsolutePath());
        return 0;
    }
}
