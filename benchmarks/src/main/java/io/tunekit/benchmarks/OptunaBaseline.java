package io.tunekit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optuna 3.1.0's figures on the protocol's problems, read from the resource
 * {@code optuna-3.1.0-baseline.md} (see docs/benchmarks.md), so that reports can print them
 * beside ours.
 */
public final class OptunaBaseline {

    /** A median with its quartiles over seeds. */
    public record Spread(double q25, double median, double q75) {}

    /** One row of the framework-overhead table (seconds and milliseconds as printed). */
    public record Overhead(
            String config,
            String space,
            double totalSeconds,
            double cpuSeconds,
            double msPerTrial,
            double msPerTrialLast,
            double msPerTrialFirst) {}

    private static final String RESOURCE = "optuna-3.1.0-baseline.md";
    private static final Pattern PROBLEM = Pattern.compile("^### (\\S+) \\(optimum .*\\)\\s*$");
    private static final Pattern SPREAD = Pattern.compile("^\\s*(\\S+) \\[(\\S+) \\.\\. (\\S+)]\\s*$");

    // problem -> sampler -> checkpoint -> spread
    private final Map<String, Map<String, Map<Integer, Spread>>> quality;
    private final List<Overhead> overhead;

    private OptunaBaseline(Map<String, Map<String, Map<Integer, Spread>>> quality, List<Overhead> overhead) {
        this.quality = quality;
        this.overhead = overhead;
    }

    /** The figures of the bundled baseline. */
    public static OptunaBaseline load() {
        try (InputStream in = OptunaBaseline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the benchmarks jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the baseline's markdown (sections "## 1." quality and "## 2." overhead). */
    static OptunaBaseline parse(String markdown) {
        Map<String, Map<String, Map<Integer, Spread>>> quality = new LinkedHashMap<>();
        List<Overhead> overhead = new ArrayList<>();
        String section = "";
        String problem = null;
        List<Integer> checkpoints = List.of();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(markdown))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("## ")) {
                    section = line.substring(3, Math.min(line.length(), 5));
                    continue;
                }
                Matcher m = PROBLEM.matcher(line);
                if (m.matches()) {
                    problem = m.group(1);
                    continue;
                }
                if (!line.startsWith("|") || line.startsWith("|---")) {
                    continue;
                }
                List<String> cells = cells(line);
                if (section.equals("1.") && problem != null) {
                    if (cells.get(0).equals("sampler")) {
                        checkpoints = new ArrayList<>();
                        for (String c : cells) {
                            if (c.startsWith("@")) {
                                checkpoints.add(Integer.parseInt(c.substring(1)));
                            }
                        }
                        continue;
                    }
                    Map<Integer, Spread> row = new LinkedHashMap<>();
                    for (int i = 0; i < checkpoints.size() && i + 2 < cells.size(); i++) {
                        Matcher s = SPREAD.matcher(cells.get(i + 2));
                        if (s.matches()) {
                            row.put(
                                    checkpoints.get(i),
                                    new Spread(
                                            Double.parseDouble(s.group(2)),
                                            Double.parseDouble(s.group(1)),
                                            Double.parseDouble(s.group(3))));
                        }
                    }
                    quality.computeIfAbsent(problem, p -> new LinkedHashMap<>()).put(cells.get(0), row);
                } else if (section.equals("2.") && !cells.get(0).equals("config") && cells.size() >= 7) {
                    overhead.add(new Overhead(
                            cells.get(0),
                            cells.get(1),
                            Double.parseDouble(cells.get(2)),
                            Double.parseDouble(cells.get(3)),
                            Double.parseDouble(cells.get(4)),
                            Double.parseDouble(cells.get(5)),
                            Double.parseDouble(cells.get(6))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OptunaBaseline(quality, Collections.unmodifiableList(overhead));
    }

    private static List<String> cells(String line) {
        String[] parts = line.split("\\|");
        List<String> out = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            out.add(parts[i].trim());
        }
        return out;
    }

    /** The samplers Optuna was run with on this problem, in the file's order. */
    public List<String> samplers(String problem) {
        return List.copyOf(quality.getOrDefault(problem, Map.of()).keySet());
    }

    /** Optuna's regret spread for a problem, sampler and checkpoint, if the file has it. */
    public Optional<Spread> regret(String problem, String sampler, int checkpoint) {
        return Optional.ofNullable(quality.getOrDefault(problem, Map.of())
                .getOrDefault(sampler, Map.of())
                .get(checkpoint));
    }

    /**
     * The lowest median regret of Optuna's TPE variants ({@code tpe}, {@code tpe_multivariate})
     * at a checkpoint: the bar Tunekit's TPE is held to.
     */
    public Optional<Double> bestTpeMedian(String problem, int checkpoint) {
        return List.of("tpe", "tpe_multivariate").stream()
                .map(s -> regret(problem, s, checkpoint))
                .flatMap(Optional::stream)
                .map(Spread::median)
                .min(Double::compare);
    }

    /** The overhead rows, in the file's order. */
    public List<Overhead> overhead() {
        return overhead;
    }
}
