package io.tunekit.cli;

import io.tunekit.storage.jdbc.OptunaJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output formats of Optuna's CLI ({@code -f table|json|yaml|value}), each producing the same
 * text as Optuna's for the same records.
 */
public enum OutputFormat {
    /** A bordered table; numeric columns right-aligned. */
    TABLE,
    /** Python's {@code json.dumps} text: a list of records, or one record for single-record commands. */
    JSON,
    /** PyYAML's {@code safe_dump} text (block style, keys sorted). */
    YAML,
    /** One line per record, values separated by spaces, empty for null. */
    VALUE;

    /**
     * The text to print (without the final newline).
     *
     * @param single whether the command prints one record (JSON and YAML then print the record,
     *     not a list of one)
     */
    String render(Records records, boolean flatten, boolean single) {
        Records.Shaped shaped = records.shape(flatten);
        return switch (this) {
            case TABLE -> table(shaped).strip();
            case VALUE -> value(shaped).strip();
            case JSON -> OptunaJson.dumps(jsonValue(single ? shaped.rows().get(0) : shaped.rows()));
            case YAML -> Yaml.dump(jsonValue(single ? shaped.rows().get(0) : shaped.rows()));
        };
    }

    /** Tuples become lists, as Python's json and yaml modules write them. */
    static Object jsonValue(Object value) {
        if (value instanceof PyTuple t) {
            return jsonValue(t.items());
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(jsonValue(item));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), jsonValue(v)));
            return out;
        }
        return value;
    }

    private static String value(Records.Shaped shaped) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : shaped.rows()) {
            List<String> cells = new ArrayList<>();
            for (String name : shaped.header()) {
                Object v = row.get(name);
                cells.add(v == null ? "" : PythonText.str(v));
            }
            out.append(String.join(" ", cells)).append('\n');
        }
        return out.toString();
    }

    private static String table(Records.Shaped shaped) {
        List<String> header = shaped.header();
        List<Map<String, Object>> rows = shaped.rows();
        StringBuilder separator = new StringBuilder("+");
        StringBuilder head = new StringBuilder("|");
        List<StringBuilder> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lines.add(new StringBuilder("|"));
        }
        for (String name : header) {
            boolean numeric = true;
            int width = name.length();
            for (Map<String, Object> row : rows) {
                Object v = row.get(name);
                // Python's CellValue: None is neither numeric nor text, but counts as "None" wide.
                if (v != null && !(v instanceof Number || v instanceof Boolean)) {
                    numeric = false;
                }
                width = Math.max(width, PythonText.str(v).length());
            }
            separator.append("-".repeat(width + 2)).append('+');
            head.append(' ').append(pad(name, width, numeric)).append(" |");
            for (int i = 0; i < rows.size(); i++) {
                Object v = rows.get(i).get(name);
                String cell = v == null ? " ".repeat(width) : pad(PythonText.str(v), width, numeric);
                lines.get(i).append(' ').append(cell).append(" |");
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(separator)
                .append('\n')
                .append(head)
                .append('\n')
                .append(separator)
                .append('\n');
        for (StringBuilder line : lines) {
            out.append(line).append('\n');
        }
        out.append(separator).append('\n');
        return out.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }
}
