package io.tunekit.storage.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.tunekit.internal.JsonValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
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
        Decimal shortest = Decimal.shortest(Math.abs(d));
        String digits = shortest.digits();
        int exponent = shortest.exponent();
        StringBuilder s = new StringBuilder(digits.length() + 8);
        if (d < 0) {
            s.append('-');
        }
        if (exponent >= -4 && exponent < 16) {
            if (exponent < 0) {
                s.append("0.").append("0".repeat(-exponent - 1)).append(digits);
            } else if (digits.length() <= exponent + 1) {
                s.append(digits)
                        .append("0".repeat(exponent + 1 - digits.length()))
                        .append(".0");
            } else {
                s.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
            }
            return s.toString();
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        int e = Math.abs(exponent);
        return s.append('e')
                .append(exponent < 0 ? '-' : '+')
                .append(e < 10 ? "0" : "")
                .append(e)
                .toString();
    }

    /**
     * A positive finite double's shortest decimal, as Python's {@code repr} picks it: the fewest
     * significant digits that read back as the double and, of those, the nearest to it.
     *
     * @param digits the significant digits, no leading or trailing zeros ({@code "15"} for 0.015)
     * @param exponent the power of ten of the first digit ({@code -2} for 0.015)
     */
    record Decimal(String digits, int exponent) {

        /**
         * From the Schubfach algorithm (Jackson's {@code NumberOutput}): shortest and nearest,
         * except that, like Java's own {@code Double.toString} since Java 19, it never returns a
         * single digit where two are closer (Double.MIN_VALUE is {@code 4.9E-324}, Python's
         * {@code 5e-324}); that case is checked here. Java 17's {@code Double.toString} is not
         * always shortest, and exact {@code BigDecimal} rounding, which is, costs ten times as much
         * (listing 10,000 trials writes 30,000 floats).
         */
        static Decimal shortest(double positive) {
            Decimal d = parse(NumberOutput.toString(positive, true));
            if (d.digits.length() != 2) {
                return d;
            }
            // A single digit may read back too: the nearer of the two around the value, if it does.
            Decimal down = new Decimal(d.digits.substring(0, 1), d.exponent);
            Decimal up = d.digits.charAt(0) == '9'
                    ? new Decimal("1", d.exponent + 1)
                    : new Decimal(String.valueOf((char) (d.digits.charAt(0) + 1)), d.exponent);
            boolean downReads = down.toDouble() == positive;
            boolean upReads = up.toDouble() == positive;
            if (downReads && upReads) {
                BigDecimal exact = new BigDecimal(positive);
                int c = exact.subtract(down.toBigDecimal())
                        .abs()
                        .compareTo(up.toBigDecimal().subtract(exact).abs());
                return c < 0 || (c == 0 && (down.digits.charAt(0) - '0') % 2 == 0) ? down : up;
            }
            return downReads ? down : upReads ? up : d;
        }

        /** Reads Java's double text ({@code 123.45}, {@code 1.0E-5}) of a positive number. */
        static Decimal parse(String text) {
            int e = text.indexOf('E');
            String mantissa = e < 0 ? text : text.substring(0, e);
            int power = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
            int dot = mantissa.indexOf('.');
            String all = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int integerDigits = dot < 0 ? mantissa.length() : dot;
            int first = 0;
            while (first < all.length() - 1 && all.charAt(first) == '0') {
                first++;
            }
            int last = all.length();
            while (last > first + 1 && all.charAt(last - 1) == '0') {
                last--;
            }
            return new Decimal(all.substring(first, last), integerDigits - 1 - first + power);
        }

        double toDouble() {
            return Double.parseDouble(digits + "E" + (exponent - digits.length() + 1));
        }

        BigDecimal toBigDecimal() {
            return new BigDecimal(new BigInteger(digits), digits.length() - 1 - exponent);
        }
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
