package io.tunekit.storage.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.tunekit.internal.JsonValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text as Optuna's tables hold it: written byte for byte as Python's {@code json.dumps}
 * writes it, read leniently as Python's {@code json.loads} reads it.
 *
 * <p>Reading uses Jackson's parser with {@code NaN}/{@code Infinity} allowed. Writing is done here because
 * no Jackson setting reproduces Python's bytes: {@code ", "} and {@code ": "} separators, floats
 * in Python's {@code repr} form ({@code 1e-05}, {@code 1.0}, {@code 1e+16}), every character
 * outside printable ASCII escaped as lowercase {@code \\uXXXX}, and the bare tokens {@code NaN},
 * {@code Infinity}, {@code -Infinity}.
 */
final class PythonJson {

    /**
     * Jackson's streaming parser: databind's ObjectMapper would do the same job but costs each
     * worker JVM several hundred milliseconds of start-up CPU, which matters when many short-lived
     * workers share a study.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private PythonJson() {}

    /** Parses JSON text into the normalised immutable values of {@link JsonValues}. */
    static Object loads(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("Not valid JSON: the text is empty");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("Not valid JSON: " + abbreviate(text) + " (text after the value)");
            }
            return JsonValues.copy(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON: " + abbreviate(text) + " (" + e.getMessage() + ")", e);
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                // Python ints can be arbitrarily large; Tunekit's JSON values stop at long, beyond is a double.
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? (Object) parser.getBigIntegerValue().doubleValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token);
        }
    }

    /** Writes a JSON value ({@link JsonValues} types) exactly as Python's {@code json.dumps}. */
    static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** A double in Python's {@code repr} form, which {@code json.dumps} uses for floats. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = shortest(d);
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = Integer.toString(Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
    }

    /**
     * The decimal Python's repr prints: the fewest significant digits that read back as {@code d},
     * and of those the nearest to {@code d}. (Java 17's Double.toString is not always shortest,
     * and Schubfach writers keep two digits for the smallest subnormal.)
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        // Double.toString round-trips, so the shortest form has at most its digits: start there
        // and drop digits while the correctly rounded value still reads back as d.
        int digits = new BigDecimal(Double.toString(d)).stripTrailingZeros().precision();
        BigDecimal best = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        while (digits > 1) {
            BigDecimal shorter = exact.round(new MathContext(digits - 1, RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() != d) {
                break;
            }
            best = shorter;
            digits--;
        }
        return best.stripTrailingZeros();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(pythonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeString(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException(
                    "value " + value + " of type " + value.getClass().getName() + " is not a JSON value");
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
