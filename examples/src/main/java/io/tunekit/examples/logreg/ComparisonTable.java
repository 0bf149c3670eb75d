package io.tunekit.examples.logreg;

import io.tunekit.examples.ml.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Formats the comparison as a fixed-width text table, one row per method. */
final class ComparisonTable {

    private ComparisonTable() {}

    static String format(Metric metric, List<MethodResult> results) {
        String scoreHeader = "best " + metric.label();
        int scoreWidth = Math.max(scoreHeader.length(), 6);
        List<String> params = results.stream().map(r -> params(r.bestParams())).toList();
        int paramsWidth = Math.max(
                "best params".length(),
                params.stream().mapToInt(String::length).max().orElse(0));
        String row = "%-8s  %" + scoreWidth + "s  %-" + paramsWidth + "s  %6s  %9s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "method", scoreHeader, "best params", "trials", "wall time"));
        for (int i = 0; i < results.size(); i++) {
            MethodResult r = results.get(i);
            out.append(String.format(
                    Locale.ROOT,
                    row,
                    r.method().label(),
                    String.format(Locale.ROOT, "%.4f", r.bestScore()),
                    params.get(i),
                    r.trials(),
                    String.format(Locale.ROOT, "%.1f s", r.wallTime().toMillis() / 1000.0)));
        }
        return out.toString();
    }

    /** 0.1, 1, 100, 0.2154: four significant digits without trailing zeros. */
    static String fourDigits(double value) {
        return new BigDecimal(value)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String params(Map<String, Object> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(name).append('=').append(value instanceof Double d ? fourDigits(d) : value);
        });
        return out.toString();
    }
}
