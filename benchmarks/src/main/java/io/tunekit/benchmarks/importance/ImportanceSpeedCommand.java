package io.tunekit.benchmarks.importance;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Studies;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.analysis.importance.Importance;
import io.tunekit.analysis.importance.ImportanceEvaluator;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code importance-speed}: the time of one importance computation on a large study, Tunekit and
 * Optuna 5.0 side by side in one session (issue 16). A seeded random-search study of
 * {@code --trials} trials over {@code --params} parameters (floats, log floats, ints and
 * categoricals; the objective weighs parameter i by 0.8^i) is written to SQLite; each side reads it
 * once into memory and then times {@code --repeats} computations per evaluator. Reported: the
 * median seconds of each side and their ratio, for Tunekit both its first call in the JVM
 * ("1st": the importance code is loaded and interpreted, the trials are already read, and the
 * JVM has just run the study, so core's code is compiled) and the median after five calls that
 * let the JIT compile, as in a long-running JVM. Optuna's fANOVA is timed with {@code --optuna-trees}
 * trees and scaled linearly to 64 (its cost is per tree), because 64 trees on 10,000 trials take
 * Optuna far longer than a benchmark session; the line says so.
 */
@Command(
        name = "importance-speed",
        mixinStandardHelpOptions = true,
        description = "Parameter importance time, Tunekit against Optuna 5.0 (PED-ANOVA, fANOVA, MDI).")
public final class ImportanceSpeedCommand implements Callable<Integer> {

    @Option(names = "--trials", defaultValue = "10000", description = "Trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--params", defaultValue = "20", description = "Parameters (default: ${DEFAULT-VALUE}).")
    int params;

    @Option(
            names = "--evaluators",
            split = ",",
            defaultValue = "ped-anova,fanova",
            description = "ped-anova, fanova, mdi (default: ${DEFAULT-VALUE}).")
    List<String> evaluators;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per side (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(
            names = "--python",
            description =
                    "Python with Optuna 5.0 and scikit-learn (default: $TUNEKIT_OPTUNA5_PYTHON); none: Tunekit only.")
    String python = System.getenv("TUNEKIT_OPTUNA5_PYTHON");

    @Option(
            names = "--optuna-trees",
            defaultValue = "2",
            description = "Trees of Optuna's fANOVA/MDI forest, scaled to 64 (default: ${DEFAULT-VALUE}).")
    int optunaTrees;

    @Option(names = "--db", description = "SQLite file for the study (default: a temporary file).")
    Path db;

    @Override
    public Integer call() throws Exception {
        Path file = db != null ? db : Files.createTempFile("importance-speed", ".db");
        Files.deleteIfExists(file);
        String name = "importance-speed";
        long start = System.nanoTime();
        Storage memory = new InMemoryStorage();
        Study study = Study.builder()
                .name(name)
                .storage(memory)
                .sampler(new RandomSampler(0))
                .build();
        study.optimize(new WeightedObjective(params), trials);
        try (Storage sqlite = Storages.open("sqlite:" + file)) {
            Studies.copy(memory, name, sqlite);
        }
        System.out.printf(
                Locale.ROOT,
                "study: %d trials x %d params, written to %s in %.1f s%n",
                trials,
                params,
                file,
                (System.nanoTime() - start) / 1e9);

        List<FrozenTrial> loaded;
        try (Storage sqlite = Storages.open("sqlite:" + file)) {
            loaded = Study.load(name, sqlite).trials(EnumSet.of(TrialState.COMPLETE));
        }
        System.out.printf(
                Locale.ROOT,
                "%-10s %12s %12s %12s %10s %10s  %s%n",
                "evaluator",
                "tunekit 1st",
                "tunekit s",
                "optuna s",
                "ratio 1st",
                "ratio",
                "note");
        for (String label : evaluators) {
            ImportanceEvaluator evaluator = ImportanceEvaluator.forLabel(label);
            long t0 = System.nanoTime();
            Importance.builder().evaluator(evaluator).evaluate(loaded, List.of(Direction.MINIMIZE));
            double first = (System.nanoTime() - t0) / 1e9;
            double tunekit = median(timeTunekit(evaluator, loaded));
            String note = "";
            double optuna = Double.NaN;
            if (python != null) {
                int trees = label.equals("ped-anova") ? 64 : optunaTrees;
                optuna = median(timeOptuna(file, name, label, trees)) * 64 / trees;
                if (trees != 64) {
                    note = "optuna timed with " + trees + " trees, x" + (64 / trees);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %12.3f %12.3f %12.3f %10.1f %10.1f  %s%n",
                    label,
                    first,
                    tunekit,
                    optuna,
                    optuna / first,
                    optuna / tunekit,
                    note);
        }
        return 0;
    }

    private List<Double> timeTunekit(ImportanceEvaluator evaluator, List<FrozenTrial> loaded) {
        List<Double> seconds = new ArrayList<>();
        // More untimed runs: the JIT compiles the hot loops, as in any long-running JVM.
        for (int w = 0; w < 4; w++) {
            Importance.builder().evaluator(evaluator).evaluate(loaded, List.of(Direction.MINIMIZE));
        }
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Importance.builder().evaluator(evaluator).evaluate(loaded, List.of(Direction.MINIMIZE));
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        return seconds;
    }

    private List<Double> timeOptuna(Path file, String name, String label, int trees)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("optuna_importance_speed", ".py");
        try (var in = ImportanceSpeedCommand.class.getResourceAsStream("optuna_importance_speed.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(
                        python,
                        script.toString(),
                        "sqlite:///" + file.toAbsolutePath(),
                        name,
                        label,
                        Integer.toString(repeats),
                        Integer.toString(trees))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Optuna failed: " + out);
        }
        Files.delete(script);
        List<Double> seconds = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            seconds.add(Double.parseDouble(line.strip().split(" ")[1]));
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Parameter i has weight 0.8^i; kinds cycle float, log float, int, categorical. */
    private record WeightedObjective(int params) implements io.tunekit.Objective {
        @Override
        public double evaluate(io.tunekit.Trial trial) {
            double sum = 0;
            for (int i = 0; i < params; i++) {
                double w = Math.pow(0.8, i);
                String p = "p" + i;
                sum += switch (i % 4) {
                    case 0 -> w * trial.suggestFloat(p, -1, 1) * trial.suggestFloat(p, -1, 1);
                    case 1 -> w * Math.log10(trial.suggestLogFloat(p, 1e-4, 1)) / 4;
                    case 2 -> w * trial.suggestInt(p, 0, 10) / 10.0;
                    default -> w * List.of(0.0, 0.5, 1.0).get(trial.suggestCategorical(p, List.of(0, 1, 2)));
                };
            }
            return sum;
        }
    }
}
