package io.tunekit.cli;

import java.util.Comparator;
import java.util.Objects;

/**
 * A column of Optuna's trial table: an attribute and, for nested attributes, a key. Optuna names
 * them the same way ({@code ("params", "x")}, {@code ("values", 0)}, {@code ("number", "")}).
 *
 * @param attr the attribute: {@code number}, {@code params}, {@code values}, ...
 * @param key {@code ""} for a plain attribute, a String for a dictionary entry, an Integer for a
 *     list position
 */
record Column(String attr, Object key) {

    /** Optuna's order: by attribute, then by key (positions numerically, names by code point). */
    static final Comparator<Column> ORDER = Comparator.comparing(Column::attr).thenComparing((a, b) -> {
        if (a.key() instanceof Integer x && b.key() instanceof Integer y) {
            return Integer.compare(x, y);
        }
        return a.key().toString().compareTo(b.key().toString());
    });

    Column {
        Objects.requireNonNull(attr, "attr");
        Objects.requireNonNull(key, "key");
    }

    /** A plain (non-nested) column. */
    static Column of(String attr) {
        return new Column(attr, "");
    }

    boolean isPlain() {
        return "".equals(key);
    }

    /** The name a flattened table gives the column: {@code params_x}, {@code values_0}, {@code number}. */
    String flatName() {
        return isPlain() ? attr : attr + "_" + key;
    }

    // Written out, not generated: a record's generated equals and hashCode are linked by
    // invokedynamic on first use, milliseconds of start-up for a command run once per trial.
    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && attr.equals(c.attr) && key.equals(c.key);
    }

    @Override
    public int hashCode() {
        return 31 * attr.hashCode() + key.hashCode();
    }
}
