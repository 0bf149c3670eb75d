package io.tunekit.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the markdown reports: three significant digits, as the baseline prints. */
public final class Format {

    private Format() {}

    /** {@code v} with three significant digits, trailing zeros dropped ({@code 0.5}, {@code 1.21e-05}). */
    public static String sig3(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e5) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(3));
            return d.stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.2e", v);
        String mantissa = s.substring(0, s.indexOf('e'));
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + s.substring(s.indexOf('e'));
    }

    /** {@code v} with two decimals, for seconds and milliseconds. */
    public static String fixed2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@code v} with three decimals. */
    public static String fixed3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
