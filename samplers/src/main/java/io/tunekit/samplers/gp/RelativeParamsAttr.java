package io.tunekit.samplers.gp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planned parameters of a running trial, shared through trial system attributes as Optuna's
 * GP sampler does: the JSON text of {@code {name: external value}} split into chunks of at most
 * 2045 characters under {@code gp:relative_params:0}, {@code gp:relative_params:1}, ...
 *
 * <p>Other workers read them to treat that trial as a pending observation (the Kriging believer)
 * before it has stored all its parameters. Only flat objects with string, number, boolean and
 * null values occur, so this class writes and reads exactly that subset of JSON (with Python's
 * {@code NaN} and {@code Infinity} tokens); anything else is rejected as malformed.
 */
final class RelativeParamsAttr {

    /** Key prefix of the chunks. */
    static final String KEY_PREFIX = "gp:relative_params:";
    /** The longest chunk (Optuna's limit for RDB attribute values). */
    static final int MAX_CHUNK = 2045;

    private RelativeParamsAttr() {
    }

    /** The chunks of the JSON text of {@code params} (external values), in key order. */
    static List<String> chunks(Map<String, Object> params) {
        String json = toJson(params);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < json.length(); i += MAX_CHUNK) {
            out.add(json.substring(i, Math.min(json.length(), i + MAX_CHUNK)));
        }
        return out;
    }

    /**
     * The parameters stored in a trial's system attributes, or an empty map if there are none.
     *
     * @throws IllegalArgumentException if the stored text is not a flat JSON object
     */
    static Map<String, Object> read(Map<String, Object> systemAttrs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; systemAttrs.get(KEY_PREFIX + i) instanceof String chunk; i++) {
            text.append(chunk);
        }
        return text.length() == 0 ? Map.of() : new Parser(text.toString()).object();
    }

    static String toJson(Map<String, Object> params) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            string(out, e.getKey());
            out.append(": ");
            Object v = e.getValue();
            if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long) {
                out.append(v);
            } else if (v instanceof Double d) {
                out.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString());
            } else if (v instanceof String s) {
                string(out, s);
            } else {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has value " + v + " of type "
                        + v.getClass().getName() + "; only null, Boolean, Integer, Long, Double and String are written");
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
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
                        out.append(String.format("\\u%04x", (int) c));  // ASCII output, as Python's json.dumps
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A reader for one flat JSON object. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    out.put(key, value());
                    skipSpace();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw malformed("',' or '}'");
                    }
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw malformed("the end of the text");
            }
            return out;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
                if (text.startsWith(word, pos)) {
                    pos += word.length();
                    return switch (word) {
                        case "null" -> null;
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        default -> Double.NEGATIVE_INFINITY;
                    };
                }
            }
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            try {
                if (number.matches("-?\\d+")) {
                    long v = Long.parseLong(number);
                    return v == (int) v ? (Object) (int) v : (Object) v;
                }
                return Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw malformed("a JSON value");
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw malformed("four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw malformed("four hex digits");
                        }
                        pos += 4;
                    }
                    default -> throw malformed("an escape sequence");
                }
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw malformed("more text");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                pos--;
                throw malformed("'" + c + "'");
            }
        }

        private IllegalArgumentException malformed(String expected) {
            return new IllegalArgumentException("gp:relative_params: expected " + expected + " at offset " + pos
                    + " of " + text);
        }
    }
}
