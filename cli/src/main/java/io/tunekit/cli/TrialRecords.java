package io.tunekit.cli;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trials as rows of Optuna's trial table (its {@code trials_dataframe()} and the CLI's
 * {@code trials}): one column per plain attribute, one per parameter, user or system attribute,
 * and {@code value} or one {@code values} column per objective (named by the study's metric
 * names when it has them).
 */
final class TrialRecords {

    /** The study system attribute where Optuna keeps the objectives' names. */
    static final String METRIC_NAMES_KEY = "study:metric_names";

    /** The attributes of the CLI's trial listings, in Optuna's order. */
    static final List<Attr> CLI = List.of(
            Attr.NUMBER,
            Attr.VALUE,
            Attr.DATETIME_START,
            Attr.DATETIME_COMPLETE,
            Attr.DURATION,
            Attr.PARAMS,
            Attr.USER_ATTRS,
            Attr.STATE);

    /** The attributes of {@code trials_dataframe()}'s default, in its order. */
    static final List<Attr> DATAFRAME = List.of(
            Attr.NUMBER,
            Attr.VALUE,
            Attr.DATETIME_START,
            Attr.DATETIME_COMPLETE,
            Attr.DURATION,
            Attr.PARAMS,
            Attr.USER_ATTRS,
            Attr.SYSTEM_ATTRS,
            Attr.STATE);

    /** A trial attribute Optuna can list. {@link #VALUE} becomes {@code values} in a multi-objective study. */
    enum Attr {
        NUMBER,
        VALUE,
        DATETIME_START,
        DATETIME_COMPLETE,
        DURATION,
        PARAMS,
        USER_ATTRS,
        SYSTEM_ATTRS,
        STATE;

        String columnName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private TrialRecords() {}

    /**
     * The rows of these trials. Datetimes stay {@link java.time.Instant}s and durations
     * {@link java.time.Duration}s: the output formats them ({@link #forCli}).
     *
     * @param metricNames the study's objective names, or null
     */
    static Records of(
            List<FrozenTrial> trials, List<Direction> directions, List<String> metricNames, List<Attr> attrs) {
        boolean multi = directions.size() > 1;
        Map<Attr, Set<Column>> used = new LinkedHashMap<>();
        for (Attr a : attrs) {
            used.put(a, new TreeSet<>(Column.ORDER));
        }
        List<Map<Column, Object>> rows = new ArrayList<>();
        for (FrozenTrial t : trials) {
            Map<Column, Object> row = new LinkedHashMap<>();
            for (Attr a : attrs) {
                Set<Column> columns = used.get(a);
                switch (a) {
                    case NUMBER -> put(row, columns, Column.of("number"), t.number());
                    case VALUE -> {
                        if (multi) {
                            for (int i = 0; i < directions.size(); i++) {
                                Object key = metricNames == null ? (Object) i : metricNames.get(i);
                                put(
                                        row,
                                        columns,
                                        new Column("values", key),
                                        t.hasValues() ? t.values().get(i) : null);
                            }
                        } else {
                            String key = metricNames == null ? "" : metricNames.get(0);
                            put(
                                    row,
                                    columns,
                                    new Column("value", key),
                                    t.hasValues() ? t.values().get(0) : null);
                        }
                    }
                    case DATETIME_START -> put(row, columns, Column.of("datetime_start"), t.datetimeStart());
                    case DATETIME_COMPLETE -> put(row, columns, Column.of("datetime_complete"), t.datetimeComplete());
                    case DURATION -> put(row, columns, Column.of("duration"), t.duration());
                    case PARAMS -> nested(row, columns, "params", t.params());
                    case USER_ATTRS -> nested(row, columns, "user_attrs", t.userAttrs());
                    case SYSTEM_ATTRS -> nested(row, columns, "system_attrs", t.systemAttrs());
                    case STATE ->
                        put(row, columns, Column.of("state"), t.state().name());
                }
            }
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>();
        for (Attr a : attrs) {
            Set<Column> set = used.get(a);
            if (a == Attr.VALUE && multi && metricNames != null) {
                // Optuna keeps the metric names' order here instead of sorting them.
                for (String name : metricNames) {
                    columns.add(new Column("values", name));
                }
            } else {
                columns.addAll(set);
            }
        }
        return new Records(rows, columns);
    }

    private static void put(Map<Column, Object> row, Set<Column> used, Column c, Object value) {
        row.put(c, value);
        used.add(c);
    }

    private static void nested(Map<Column, Object> row, Set<Column> used, String attr, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            put(row, used, new Column(attr, e.getKey()), e.getValue());
        }
    }

    /**
     * The metric names stored with a study (Optuna's {@code set_metric_names}), or null.
     *
     * @param systemAttrs the study's system attributes
     */
    static List<String> metricNames(Map<String, Object> systemAttrs, int objectives) {
        if (systemAttrs.get(METRIC_NAMES_KEY) instanceof List<?> names && names.size() == objectives) {
            List<String> out = new ArrayList<>();
            for (Object n : names) {
                out.add(String.valueOf(n));
            }
            if (new LinkedHashSet<>(out).size() == out.size()) {
                return out;
            }
        }
        return null;
    }

    /** The rows with datetimes and durations as Optuna's CLI prints them (to the second; Python's timedelta text). */
    static Records forCli(Records records) {
        List<Map<Column, Object>> rows = new ArrayList<>();
        for (Map<Column, Object> row : records.rows()) {
            Map<Column, Object> out = new LinkedHashMap<>();
            row.forEach((c, v) -> out.put(c, cliText(v)));
            rows.add(out);
        }
        return new Records(rows, records.columns());
    }

    private static Object cliText(Object v) {
        if (v instanceof java.time.Instant t) {
            return PythonText.datetime(t);
        }
        if (v instanceof java.time.Duration d) {
            return PythonText.timedelta(d);
        }
        return v;
    }
}
