package io.tunekit.analysis.importance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Parameter importances of one study, most important first (ties by name).
 *
 * @param ranking one entry per assessed parameter, in descending order of importance
 * @param evaluator the evaluator's label ({@link ImportanceEvaluator#label()})
 * @param trials how many trials the importances were computed from
 * @param normalized whether the importances were scaled to sum to 1
 */
public record ParamImportances(List<ParamImportance> ranking, String evaluator, int trials, boolean normalized) {

    public ParamImportances {
        ranking = List.copyOf(ranking);
    }

    /** Parameter name to importance, in ranking order. */
    public Map<String, Double> asMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        ranking.forEach(p -> out.put(p.param(), p.importance()));
        return Collections.unmodifiableMap(out);
    }

    /** The parameter names in ranking order. */
    public List<String> names() {
        return ranking.stream().map(ParamImportance::param).toList();
    }

    /**
     * The importance of one parameter.
     *
     * @throws NoSuchElementException if the parameter was not assessed
     */
    public ParamImportance get(String param) {
        for (ParamImportance p : ranking) {
            if (p.param().equals(param)) {
                return p;
            }
        }
        throw new NoSuchElementException("parameter '" + param + "' was not assessed; assessed: " + names());
    }

    /** An aligned text table: one line per parameter with a bar, and the interval when there is one. */
    public String toTable() {
        int width = Math.max(
                9, ranking.stream().mapToInt(p -> p.param().length()).max().orElse(0));
        double max =
                ranking.stream().mapToDouble(ParamImportance::importance).max().orElse(0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %10s", "parameter", "importance"));
        boolean intervals = ranking.stream().anyMatch(p -> p.interval().isPresent());
        if (intervals) {
            out.append(String.format(Locale.ROOT, "  %-20s", "interval"));
        }
        out.append('\n');
        for (ParamImportance p : ranking) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %10.4f", p.param(), p.importance()));
            if (intervals) {
                out.append(p.interval()
                        .map(i -> String.format(Locale.ROOT, "  [%.4f, %.4f]    ", i.lower(), i.upper()))
                        .orElse(String.format(Locale.ROOT, "  %-20s", "")));
            }
            int bar = max > 0 ? (int) Math.round(30 * p.importance() / max) : 0;
            out.append("  ").append("#".repeat(bar)).append('\n');
        }
        return out.toString();
    }
}
