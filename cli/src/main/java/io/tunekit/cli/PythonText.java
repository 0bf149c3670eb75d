package io.tunekit.cli;

import io.tunekit.storage.jdbc.OptunaJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Values printed as Python prints them, so that a table or {@code -f value} line reads exactly
 * as Optuna's: {@code str()} of floats ({@code 1e-05}), booleans ({@code True}), dictionaries
 * ({@code {'x': 0.5}}), tuples ({@code ('MINIMIZE',)}), and Optuna's datetime and timedelta text.
 */
final class PythonText {

    /** Optuna's CLI datetime format, {@code %Y-%m-%d %H:%M:%S}. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** pandas' text for a timestamp with microseconds, as {@code to_csv} writes it. */
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private PythonText() {}

    /**
     * A stored datetime as Optuna's CLI prints it. Tunekit stores datetimes as UTC wall-clock
     * text in the same columns Optuna fills, so this is the stored text to the second.
     */
    static String datetime(Instant t) {
        return SECONDS.format(t.atOffset(ZoneOffset.UTC));
    }

    /** A datetime with microseconds (pandas' CSV text); whole seconds print without them. */
    static String datetimeMicros(Instant t) {
        return t.getNano() == 0 ? datetime(t) : MICROS.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Python's {@code str(timedelta)}: {@code 0:00:01.250000}, {@code 2 days, 3:04:05}. */
    static String timedelta(Duration d) {
        long micros = Math.floorDiv(d.toNanos(), 1000L);
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long rest = Math.floorMod(micros, 86_400_000_000L);
        long seconds = rest / 1_000_000L;
        long micro = rest % 1_000_000L;
        StringBuilder s = new StringBuilder();
        if (days != 0) {
            s.append(days).append(" day").append(Math.abs(days) != 1 ? "s" : "").append(", ");
        }
        s.append(seconds / 3600).append(':');
        digits(s, seconds / 60 % 60, 2).append(':');
        digits(s, seconds % 60, 2);
        return micro == 0 ? s.toString() : digits(s.append('.'), micro, 6).toString();
    }

    /** pandas' text for a {@code Timedelta}, as {@code to_csv} writes it: {@code 0 days 00:00:01.250000}. */
    static String pandasTimedelta(Duration d) {
        long micros = Math.floorDiv(d.toNanos(), 1000L);
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long rest = Math.floorMod(micros, 86_400_000_000L);
        long seconds = rest / 1_000_000L;
        long micro = rest % 1_000_000L;
        StringBuilder s = new StringBuilder().append(days).append(" days ");
        digits(s, seconds / 3600, 2).append(':');
        digits(s, seconds / 60 % 60, 2).append(':');
        digits(s, seconds % 60, 2);
        return micro == 0 ? s.toString() : digits(s.append('.'), micro, 6).toString();
    }

    /**
     * Appends a non-negative number with leading zeros to {@code width} digits, as {@code %02d}
     * does, but without a {@link java.util.Formatter} per call: a listing formats a duration per
     * trial, and the formatters took a tenth of the time of {@code trials} on a large study.
     */
    private static StringBuilder digits(StringBuilder s, long value, int width) {
        String text = Long.toString(value);
        for (int i = text.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(text);
    }

    /** Python's {@code str(value)}. */
    static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    /** Python's {@code repr(value)} for the values a record holds. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        repr(value, out);
        return out.toString();
    }

    private static void repr(Object value, StringBuilder out) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(pythonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof PyTuple t) {
            out.append('(');
            sequence(t.items(), out);
            out.append(t.items().size() == 1 ? ",)" : ")");
        } else if (value instanceof List<?> list) {
            out.append('[');
            sequence(list, out);
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                repr(e.getKey(), out);
                out.append(": ");
                repr(e.getValue(), out);
            }
            out.append('}');
        } else {
            quote(value.toString(), out);
        }
    }

    private static void sequence(List<?> items, StringBuilder out) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            repr(items.get(i), out);
        }
    }

    /** Python's float {@code repr}: JSON's text except for the non-finite values. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return OptunaJson.pythonFloat(d);
    }

    /** Python's string repr: single quotes unless the text holds one and no double quote. */
    private static void quote(String s, StringBuilder out) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(q);
    }
}
