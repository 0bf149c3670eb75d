package io.tunekit.analysis.importance;

import io.tunekit.FrozenTrial;
import io.tunekit.distribution.Distribution;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The analysed parameters of the analysed trials, column by column: the internal value of
 * parameter p in trial i at {@code values[p][i]} (NaN where the trial lacks it), and its
 * distribution as {@code distinct[p][distributionIds[p][i]]} (id -1 where the trial lacks it).
 * Read once from the trials' maps, so the evaluators and the bootstrap work on arrays; a study
 * has few distinct distributions per parameter (a dynamic search space a handful), so numbering
 * them once lets PED-ANOVA group trials by distribution with integer comparisons.
 *
 * @param distinct each parameter's distributions, in the order they first appear in the trials
 */
record ParamColumns(List<String> params, double[][] values, int[][] distributionIds, Distribution[][] distinct) {

    /** What to do with a parameter of a trial that is not yet a column. */
    private enum Unlisted {
        /** Only the listed parameters are read. */
        SKIP,
        /** Every parameter of the trials is read. */
        ADD
    }

    /** The given parameters of the trials, in the given order. */
    static ParamColumns of(List<String> params, List<FrozenTrial> trials) {
        Map<String, Column> columns = new HashMap<>();
        for (String name : params) {
            columns.put(name, new Column(trials.size()));
        }
        read(columns, trials, Unlisted.SKIP);
        return assemble(List.copyOf(params), columns);
    }

    /**
     * Every parameter of {@code trials} and of {@code others}, sorted by name, with the values of
     * {@code trials}: a parameter that only {@code others} have is a column without values.
     */
    static ParamColumns ofEveryParam(List<FrozenTrial> trials, List<FrozenTrial> others) {
        Map<String, Column> columns = new HashMap<>();
        read(columns, trials, Unlisted.ADD);
        for (FrozenTrial t : others) {
            for (String name : t.params().keySet()) {
                if (!columns.containsKey(name)) {
                    columns.put(name, new Column(trials.size()));
                }
            }
        }
        return assemble(List.copyOf(new TreeSet<>(columns.keySet())), columns);
    }

    private static void read(Map<String, Column> columns, List<FrozenTrial> trials, Unlisted unlisted) {
        for (int row = 0; row < trials.size(); row++) {
            FrozenTrial t = trials.get(row);
            // forEach walks the map's own entries, where iterating its entry set would allocate
            // a read-only view of every entry: more than half of the first call's garbage.
            t.distributions().forEach(new TrialReader(columns, row, t.params(), trials.size(), unlisted));
        }
    }

    /** Puts one trial's parameters in their columns, adding columns as {@code unlisted} says. */
    private record TrialReader(
            Map<String, Column> columns, int row, Map<String, Object> params, int rows, Unlisted unlisted)
            implements BiConsumer<String, Distribution> {

        @Override
        public void accept(String name, Distribution distribution) {
            Column column = columns.get(name);
            if (column == null) {
                if (unlisted == Unlisted.SKIP) {
                    return;
                }
                column = new Column(rows);
                columns.put(name, column);
            }
            column.put(row, distribution, params.get(name));
        }
    }

    private static ParamColumns assemble(List<String> params, Map<String, Column> columns) {
        double[][] values = new double[params.size()][];
        int[][] ids = new int[params.size()][];
        Distribution[][] distinct = new Distribution[params.size()][];
        for (int p = 0; p < values.length; p++) {
            Column column = columns.get(params.get(p));
            values[p] = column.values;
            ids[p] = column.ids;
            distinct[p] = column.numbering.distinct();
        }
        return new ParamColumns(params, values, ids, distinct);
    }

    /** One parameter's column while the trials are read. */
    private static final class Column {
        final double[] values;
        final int[] ids;
        final DistributionIds numbering = new DistributionIds();

        Column(int rows) {
            values = new double[rows];
            ids = new int[rows];
            Arrays.fill(values, Double.NaN);
            Arrays.fill(ids, -1);
        }

        void put(int row, Distribution distribution, Object external) {
            ids[row] = numbering.id(distribution);
            values[row] = distribution.toInternal(external);
        }
    }

    /** The distribution of parameter {@code p} in trial {@code i}, {@code null} where the trial lacks it. */
    Distribution distribution(int p, int i) {
        int id = distributionIds[p][i];
        return id < 0 ? null : distinct[p][id];
    }

    /** The columns of the trials at the given indices (with repetitions), for the bootstrap. */
    ParamColumns pick(int[] rows) {
        double[][] v = new double[values.length][rows.length];
        int[][] ids = new int[values.length][rows.length];
        for (int p = 0; p < values.length; p++) {
            for (int k = 0; k < rows.length; k++) {
                v[p][k] = values[p][rows[k]];
                ids[p][k] = distributionIds[p][rows[k]];
            }
        }
        return new ParamColumns(params, v, ids, distinct);
    }

    int size() {
        return values.length == 0 ? 0 : values[0].length;
    }
}
