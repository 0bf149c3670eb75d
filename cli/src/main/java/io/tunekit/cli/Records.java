package io.tunekit.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows keyed by {@link Column}, turned into what Optuna's CLI prints: either nested records
 * ({@code {"params": {"x": 0.5}}}, {@code {"values": [1.0, 2.0]}}) or, with {@code --flatten},
 * flat ones ({@code params_x}, {@code values_0}), with the header that goes with them.
 *
 * @param rows one map per record; a missing column means "no such entry" (not {@code null})
 * @param columns the columns in display order
 */
record Records(List<Map<Column, Object>> rows, List<Column> columns) {

    /** Printable rows with their header. */
    record Shaped(List<Map<String, Object>> rows, List<String> header) {}

    Records {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    /** One row of the given columns. */
    static Records single(Map<Column, Object> row, List<Column> columns) {
        return new Records(List.of(row), columns);
    }

    /** Rows and header as Optuna's {@code _convert_to_dict} makes them. */
    Shaped shape(boolean flatten) {
        return flatten ? flat() : nested();
    }

    private Shaped flat() {
        Set<Column> sequences = new HashSet<>();
        for (Column c : columns) {
            if (c.isPlain()) {
                for (Map<Column, Object> row : rows) {
                    if (sequence(row.get(c)) != null) {
                        sequences.add(c);
                    }
                }
            }
        }
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            if (sequences.contains(c)) {
                int max = 0;
                for (Map<Column, Object> row : rows) {
                    List<?> items = sequence(row.get(c));
                    max = Math.max(max, items == null ? 0 : items.size());
                }
                for (int i = 0; i < max; i++) {
                    header.add(c.attr() + "_" + i);
                }
            } else {
                header.add(c.flatName());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<Column, Object> row : rows) {
            Map<String, Object> flat = new LinkedHashMap<>();
            for (Column c : columns) {
                if (!row.containsKey(c)) {
                    continue;
                }
                Object value = row.get(c);
                if (sequences.contains(c)) {
                    List<?> items = sequence(value);
                    for (int i = 0; items != null && i < items.size(); i++) {
                        flat.put(c.attr() + "_" + i, items.get(i));
                    }
                } else {
                    flat.put(c.flatName(), value);
                }
            }
            out.add(flat);
        }
        return new Shaped(out, header);
    }

    private static List<?> sequence(Object value) {
        return value instanceof PyTuple t ? t.items() : value instanceof List<?> l ? l : null;
    }

    private Shaped nested() {
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            if (!header.contains(c.attr())) {
                header.add(c.attr());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<Column, Object> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (String name : header) {
                record.put(name, new LinkedHashMap<String, Object>());
            }
            for (Column c : columns) {
                if (!row.containsKey(c)) {
                    continue;
                }
                Object value = row.get(c);
                if (c.key() instanceof Integer index) {
                    // Optuna rebuilds a list from its positions, padding gaps with None.
                    List<Object> list = record.get(c.attr()) instanceof List<?> l ? cast(l) : new ArrayList<>();
                    while (list.size() <= index) {
                        list.add(null);
                    }
                    list.set(index, value);
                    record.put(c.attr(), list);
                } else if (!c.isPlain()) {
                    if (record.get(c.attr()) instanceof Map<?, ?> m) {
                        castMap(m).put((String) c.key(), value);
                    }
                } else {
                    record.put(c.attr(), value);
                }
            }
            out.add(record);
        }
        return new Shaped(out, header);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cast(List<?> list) {
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
