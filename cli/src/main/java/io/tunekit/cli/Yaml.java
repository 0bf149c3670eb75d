package io.tunekit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML text exactly as PyYAML's {@code safe_dump(value).strip()} writes the records of Optuna's
 * CLI (block style, two-space indentation, mapping keys sorted, a sequence under a mapping key not
 * indented, lines folded after column 80), so that {@code -f yaml} output reads the same as
 * Optuna's. Scalars take PyYAML's style: plain when the text reads back as the same string,
 * single-quoted when it would read as another type (a number, a boolean, a timestamp) or holds an
 * indicator or a line break, double-quoted with escapes when it holds characters outside
 * printable ASCII.
 */
final class Yaml {

    /** PyYAML's default line width. */
    private static final int WIDTH = 80;

    // PyYAML's implicit resolvers (YAML 1.1): plain text matching one of them is not a string.
    private static final Pattern BOOL =
            Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
    private static final Pattern OTHER = Pattern.compile("<<|=");

    private final StringBuilder out = new StringBuilder();
    private int column;
    /** The last character written is whitespace (or nothing was written on the line). */
    private boolean whitespace = true;
    /** Only indentation has been written on the current line. */
    private boolean indention = true;

    private Yaml() {}

    /** The YAML text of a JSON value (Map, List, String, Number, Boolean, null), stripped. */
    static String dump(Object value) {
        Yaml yaml = new Yaml();
        yaml.node(value, 0, false);
        return yaml.out.toString().strip();
    }

    private static boolean isNonEmptyCollection(Object v) {
        return v instanceof Map<?, ?> m ? !m.isEmpty() : v instanceof List<?> l && !l.isEmpty();
    }

    /**
     * Writes a node whose parent's indentation is {@code indent}.
     *
     * @param mappingValue whether the node is the value of a mapping key (a sequence there is not
     *     indented)
     */
    private void node(Object value, int indent, boolean mappingValue) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            int inner = mappingValue || column > 0 || out.length() > 0 ? indent + 2 : 0;
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(k -> keys.add(String.valueOf(k)));
            keys.sort(null);
            for (String key : keys) {
                writeIndent(inner);
                scalar(key, inner + 2, false);
                indicator(":", false);
                node(map.get(key), inner, true);
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            // Directly under a mapping key (nothing but the key on the line) a sequence keeps the
            // key's indentation; anywhere else it is indented.
            int inner = mappingValue && !indention ? indent : column > 0 || out.length() > 0 ? indent + 2 : 0;
            for (Object item : list) {
                writeIndent(inner);
                indicator("-", true);
                indention = true;
                node(item, inner, false);
            }
        } else {
            scalar(value, indent + 2, true);
        }
    }

    /** PyYAML's write_indent: a new line unless only indentation is on this one, then spaces. */
    private void writeIndent(int indent) {
        if (!indention || column > indent || (column == indent && !whitespace)) {
            out.append('\n');
            column = 0;
            whitespace = true;
            indention = true;
        }
        if (column < indent) {
            out.append(" ".repeat(indent - column));
            column = indent;
            whitespace = true;
        }
    }

    private void indicator(String text, boolean needWhitespace) {
        String data = whitespace || !needWhitespace ? text : " " + text;
        write(data);
        whitespace = false;
        indention = indention && text.equals("-");
    }

    private void write(String s) {
        out.append(s);
        column += s.length();
    }

    /** A scalar; {@code split} is false for mapping keys, which PyYAML never folds. */
    private void scalar(Object v, int indent, boolean split) {
        if (v == null) {
            plain("null", indent, split);
        } else if (v instanceof Boolean b) {
            plain(b ? "true" : "false", indent, split);
        } else if (v instanceof Map<?, ?>) {
            indicator("{", true);
            write("}");
        } else if (v instanceof List<?>) {
            indicator("[", true);
            write("]");
        } else if (v instanceof Double || v instanceof Float) {
            plain(floatText(((Number) v).doubleValue()), indent, split);
        } else if (v instanceof Number n) {
            plain(Long.toString(n.longValue()), indent, split);
        } else {
            string(String.valueOf(v), indent, split);
        }
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String text = PythonText.pythonFloat(d).toLowerCase();
        return text.indexOf('.') < 0 && text.indexOf('e') >= 0 ? text.replaceFirst("e", ".0e") : text;
    }

    private void string(String s, int indent, boolean split) {
        Analysis a = analyze(s);
        boolean key = !split;
        if (!resolvesToOtherType(s) && a.plain() && !(key && (s.isEmpty() || a.multiline()))) {
            plain(s, indent, split);
        } else if (a.singleQuoted() && !(key && a.multiline())) {
            singleQuoted(s, indent, split);
        } else {
            doubleQuoted(s, indent, split);
        }
    }

    private static boolean resolvesToOtherType(String s) {
        return BOOL.matcher(s).matches()
                || FLOAT.matcher(s).matches()
                || INT.matcher(s).matches()
                || NULL.matcher(s).matches()
                || TIMESTAMP.matcher(s).matches()
                || OTHER.matcher(s).matches();
    }

    /** Which styles can write the text (PyYAML's analyze_scalar, block context). */
    private record Analysis(boolean plain, boolean singleQuoted, boolean multiline) {}

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isBlank(char c) {
        return c == '\0' || c == ' ' || c == '\t' || c == '\r' || isBreak(c);
    }

    private static Analysis analyze(String s) {
        if (s.isEmpty()) {
            return new Analysis(true, true, false);
        }
        boolean indicators = s.startsWith("---") || s.startsWith("...");
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = s.length() == 1 || isBlank(s.charAt(1));
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0
                        || ("?:".indexOf(c) >= 0 && followedByWhitespace)
                        || (c == '-' && followedByWhitespace)) {
                    indicators = true;
                }
            } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
                indicators = true;
            }
            if (isBreak(c)) {
                lineBreaks = true;
            }
            if (!(c == '\n' || (c >= 0x20 && c <= 0x7e))) {
                special = true; // outside printable ASCII: PyYAML's default escapes it
            }
            if (c == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= i == s.length() - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                leadingBreak |= i == 0;
                trailingBreak |= i == s.length() - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c);
            followedByWhitespace = i + 2 >= s.length() || isBlank(s.charAt(i + 2));
        }
        boolean plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
        boolean single = true;
        if (breakSpace) {
            plain = false;
            single = false;
        }
        if (spaceBreak || special) {
            plain = false;
            single = false;
        }
        if (lineBreaks || indicators) {
            plain = false;
        }
        return new Analysis(plain, single, lineBreaks);
    }

    /** PyYAML's write_plain: words, folded at a single space once past column 80. */
    private void plain(String text, int indent, boolean split) {
        if (text.isEmpty()) {
            return;
        }
        if (!whitespace) {
            write(" ");
        }
        whitespace = false;
        indention = false;
        int start = 0;
        boolean spaces = false;
        for (int end = 0; end <= text.length(); end++) {
            char c = end < text.length() ? text.charAt(end) : 0;
            boolean atEnd = end == text.length();
            if (spaces) {
                if (atEnd || c != ' ') {
                    if (start + 1 == end && column > WIDTH && split) {
                        writeIndent(indent);
                        whitespace = false;
                        indention = false;
                    } else {
                        write(text.substring(start, end));
                    }
                    start = end;
                }
            } else if (atEnd || c == ' ') {
                write(text.substring(start, end));
                start = end;
            }
            spaces = !atEnd && c == ' ';
        }
    }

    /** PyYAML's write_single_quoted: {@code ''} for a quote, a blank line per line break, folding. */
    private void singleQuoted(String text, int indent, boolean split) {
        indicator("'", true);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            boolean atEnd = end == text.length();
            char c = atEnd ? 0 : text.charAt(end);
            if (spaces) {
                if (atEnd || c != ' ') {
                    if (start + 1 == end && column > WIDTH && split && start != 0 && end != text.length()) {
                        writeIndent(indent);
                    } else {
                        write(text.substring(start, end));
                    }
                    start = end;
                }
            } else if (breaks) {
                if (atEnd || !isBreak(c)) {
                    if (text.charAt(start) == '\n') {
                        lineBreak();
                    }
                    for (int i = start; i < end; i++) {
                        lineBreak();
                    }
                    writeIndent(indent);
                    start = end;
                }
            } else if (atEnd || c == ' ' || isBreak(c) || c == '\'') {
                if (start < end) {
                    write(text.substring(start, end));
                    start = end;
                }
            }
            if (c == '\'') {
                write("''");
                start = end + 1;
            }
            if (!atEnd) {
                spaces = c == ' ';
                breaks = isBreak(c);
            }
        }
        indicator("'", false);
    }

    private void lineBreak() {
        out.append('\n');
        column = 0;
        whitespace = true;
        indention = true;
    }

    /** PyYAML's write_double_quoted with its escapes and its backslash folding. */
    private void doubleQuoted(String text, int indent, boolean split) {
        indicator("\"", true);
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            boolean atEnd = end == text.length();
            char c = atEnd ? 0 : text.charAt(end);
            if (atEnd
                    || c == '"'
                    || c == '\\'
                    || c == '\u0085'
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\uFEFF'
                    || !(c >= 0x20 && c <= 0x7e)) {
                if (start < end) {
                    write(text.substring(start, end));
                    start = end;
                }
                if (!atEnd) {
                    write(escape(c));
                    start = end + 1;
                }
            }
            if (end > 0
                    && end < text.length() - 1
                    && (c == ' ' || start >= end)
                    && column + (end - start) > WIDTH
                    && split) {
                write(text.substring(start, end) + "\\");
                if (start < end) {
                    start = end;
                }
                writeIndent(indent);
                whitespace = false;
                indention = false;
                if (text.charAt(start) == ' ') {
                    write("\\");
                }
            }
        }
        indicator("\"", false);
    }

    private static String escape(char c) {
        return switch (c) {
            case '\0' -> "\\0";
            case '\u0007' -> "\\a";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\u000B' -> "\\v";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            case '\u001B' -> "\\e";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\u0085' -> "\\N";
            case '\u00A0' -> "\\_";
            case '\u2028' -> "\\L";
            case '\u2029' -> "\\P";
            default -> c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
        };
    }
}
