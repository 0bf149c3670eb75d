package io.tunekit.benchmarks.quality;

import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.OptunaBaseline;
import io.tunekit.benchmarks.SamplerRegistry;
import io.tunekit.benchmarks.problems.Problem;
import io.tunekit.benchmarks.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quality}: the regret benchmark of docs/benchmarks.md §2. */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        description = "Minimise the protocol's problems with each sampler and seed; write the JSON of "
                + "PROTOCOL section 2.4 and the markdown regret table (also printed).")
public final class QualityCommand implements Callable<Integer> {

    @Option(
            names = "--sampler",
            split = ",",
            defaultValue = "random",
            description = "Sampler names from the registry, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(
            names = "--problems",
            split = ",",
            defaultValue = "branin,hartmann6,rosenbrock5,ackley10,styblinski_tang8",
            description = "Problems, comma-separated (default: all five).")
    List<String> problems;

    @Option(names = "--budget", defaultValue = "200", description = "Trials per study (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(
            names = "--seeds",
            defaultValue = "0-14",
            description = "Seeds, e.g. 0-14 or 0,3,5-7 (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(
            names = "--jobs",
            defaultValue = "1",
            description =
                    "Studies run at the same time; more than 1 makes the timings noisier (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--timeout-s", description = "Time limit of one study in seconds (default: none).")
    Double timeoutSeconds;

    @Option(names = "--out", description = "JSON output file (default: bench-results/quality-<samplers>.json).")
    Path out;

    @Option(names = "--markdown", description = "Markdown output file (default: the JSON file with .md).")
    Path markdown;

    @Option(names = "--quiet", description = "Do not print one line per finished study.")
    boolean quiet;

    @Override
    public Integer call() {
        for (String s : samplers) {
            SamplerRegistry.create(s, 0); // fail fast on an unknown name
        }
        List<Problem> chosen = new ArrayList<>();
        for (String p : problems) {
            chosen.add(Problems.byName(p.trim()));
        }
        List<Long> seedList = Seeds.parse(seeds);
        QualityRunner runner = new QualityRunner(
                budget, timeoutSeconds == null ? null : Duration.ofMillis((long) (timeoutSeconds * 1000)), jobs);
        List<RunResult> results = runner.run(chosen, samplers, seedList, r -> {
            if (!quiet) {
                System.err.println(r.problem() + " " + r.sampler() + " seed " + r.seed() + ": best "
                        + Format.sig3(r.bestValue()) + ", regret@" + r.nTrials() + " "
                        + Format.sig3(r.bestValue() - r.optimum()) + ", " + Format.fixed3(r.wallSeconds()) + " s"
                        + (r.error() != null ? " ERROR " + r.error() : "") + (r.timedOut() ? " TIMED OUT" : ""));
            }
        });
        QualityReport report = new QualityReport(results, budget, seedList, OptunaBaseline.load());
        Path json = out != null ? out : Path.of("bench-results", "quality-" + String.join("+", samplers) + ".json");
        Path md = markdown != null ? markdown : Path.of(json.toString().replaceAll("\\.json$", "") + ".md");
        report.writeJson(json);
        String text = report.markdown();
        try {
            Files.writeString(md, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(text);
        System.out.println("JSON: " + json.toAbsolutePath() + "\nMarkdown: " + md.toAbsolutePath());
        boolean failed = results.stream().anyMatch(r -> r.error() != null);
        return failed ? 1 : 0;
    }
}
