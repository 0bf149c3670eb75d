package io.tunekit.pruners;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.pruner.Pruner;
import io.tunekit.storage.InMemoryStorage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * One row of a table-driven pruner test, run through a real {@link Study} on an
 * {@link InMemoryStorage}: the other trials are added as they are described, the current trial is
 * asked, given its attributes, reports its values in the order written, and then asks
 * {@link Trial#shouldPrune()}.
 *
 * <p>The notation is that of {@code src/test/python/optuna_decisions.py}, which computes the
 * expected decisions with Python Optuna: other trials are separated by {@code |}; each is an
 * optional state letter ({@code C} complete, the default, {@code P} pruned, {@code R} running),
 * an optional {@code =value} (default: the last reported value, or 1.0), {@code step:value}
 * reports and {@code rK:value} {@code completed_rung_K} system attributes. Values may be
 * {@code nan}, {@code inf} and {@code -inf}.
 */
record PrunerCase(boolean pruned, FrozenTrial trial) {

    static final String STUDY_NAME = "fixture";

    static PrunerCase run(Pruner pruner, String direction, String others, String current) {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder()
                .name(STUDY_NAME)
                .direction(direction(direction))
                .pruner(pruner)
                .storage(storage)
                .build();
        for (String text : blank(others).split("\\|")) {
            if (!text.isBlank()) {
                study.addTrial(other(text));
            }
        }
        Trial trial = study.ask();
        Description mine = Description.parse(blank(current));
        long id = trial.snapshot().id();
        mine.rungs.forEach((key, value) -> storage.setTrialSystemAttr(id, key, value));
        mine.reports.forEach((step, value) -> trial.report(value, step));
        boolean pruned = trial.shouldPrune();
        return new PrunerCase(pruned, trial.snapshot());
    }

    /** The decision as the tables write it. */
    String decision() {
        return pruned ? "PRUNE" : "KEEP";
    }

    /** The {@code completed_rung_K} attributes of the current trial. */
    Map<String, Object> rungs() {
        Map<String, Object> rungs = new TreeMap<>();
        trial.systemAttrs().forEach((key, value) -> {
            if (key.startsWith(SuccessiveHalvingPruner.RUNG_KEY_PREFIX)) {
                rungs.put(key, value);
            }
        });
        return rungs;
    }

    /** The {@code completed_rung_K} attributes that {@code rK:value} tokens describe. */
    static Map<String, Object> rungs(String text) {
        return new TreeMap<>(Description.parse(blank(text)).rungs);
    }

    static Direction direction(String text) {
        return switch (text) {
            case "min" -> Direction.MINIMIZE;
            case "max" -> Direction.MAXIMIZE;
            default -> throw new IllegalArgumentException("direction must be min or max, got " + text);
        };
    }

    /** {@code key=value} options separated by blanks. */
    static Map<String, String> options(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String token : blank(text).trim().split("\\s+")) {
            if (!token.isEmpty()) {
                String[] kv = token.split("=", 2);
                options.put(kv[0], kv[1]);
            }
        }
        return options;
    }

    /** Calls {@code setter} with the integer option {@code key} if the options have it. */
    static void intOption(Map<String, String> options, String key, IntConsumer setter) {
        if (options.containsKey(key)) {
            setter.accept(Integer.parseInt(options.get(key)));
        }
    }

    /** Calls {@code setter} with the number option {@code key} if the options have it. */
    static void doubleOption(Map<String, String> options, String key, DoubleConsumer setter) {
        if (options.containsKey(key)) {
            setter.accept(number(options.get(key)));
        }
    }

    static double number(String text) {
        return switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static FrozenTrial other(String text) {
        Description d = Description.parse(text);
        FrozenTrial.Builder b = FrozenTrial.builder().state(d.state);
        d.reports.forEach(b::intermediateValue);
        d.rungs.forEach(b::systemAttr);
        if (d.state == TrialState.COMPLETE) {
            b.values(d.value != null ? d.value : d.reports.isEmpty() ? 1.0 : d.lastReported);
        }
        return b.build();
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    /** A parsed trial description. */
    private static final class Description {
        TrialState state = TrialState.COMPLETE;
        Double value;
        double lastReported;
        final Map<Integer, Double> reports = new LinkedHashMap<>();
        final Map<String, Object> rungs = new LinkedHashMap<>();

        static Description parse(String text) {
            Description d = new Description();
            for (String token : text.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                switch (token) {
                    case "C" -> d.state = TrialState.COMPLETE;
                    case "P" -> d.state = TrialState.PRUNED;
                    case "R" -> d.state = TrialState.RUNNING;
                    default -> {
                        if (token.startsWith("=")) {
                            d.value = number(token.substring(1));
                        } else if (token.startsWith("r")) {
                            String[] kv = token.substring(1).split(":");
                            d.rungs.put(SuccessiveHalvingPruner.rungKey(Integer.parseInt(kv[0])), number(kv[1]));
                        } else {
                            String[] kv = token.split(":");
                            d.lastReported = number(kv[1]);
                            d.reports.put(Integer.parseInt(kv[0]), d.lastReported);
                        }
                    }
                }
            }
            return d;
        }
    }
}
