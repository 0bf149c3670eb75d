package io.tunekit.cli;

import java.util.List;

/**
 * A Python tuple in a record: JSON and YAML write it as a list, but a table prints it as Python
 * does ({@code ('MINIMIZE',)}), which is what Optuna's {@code studies} shows for directions.
 *
 * @param items the elements
 */
record PyTuple(List<Object> items) {
    PyTuple {
        items = List.copyOf(items);
    }
}
