package io.tunekit.analysis.importance;

import io.tunekit.FrozenTrial;
import io.tunekit.distribution.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

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

    /** Trials read by one task at least: fewer are not worth a thread. */
    private static final int MIN_CHUNK = 1000;

    /** The given parameters of the trials, in the given order. */
    static ParamColumns of(List<String> params, List<FrozenTrial> trials) {
        return merge(List.copyOf(params), readChunks(trials, params, Unlisted.SKIP), trials.size());
    }

    /**
     * Every parameter of {@code trials} and of {@code others}, sorted by name, with the values of
     * {@code trials}: a parameter that only {@code others} have is a column without values.
     */
    static ParamColumns ofEveryParam(List<FrozenTrial> trials, List<FrozenTrial> others) {
        List<Chunk> chunks = readChunks(trials, List.of(), Unlisted.ADD);
        TreeSet<String> names = new TreeSet<>();
        for (Chunk chunk : chunks) {
            names.addAll(chunk.columns().keySet());
        }
        for (FrozenTrial t : others) {
            names.addAll(t.params().keySet());
        }
        return merge(List.copyOf(names), chunks, trials.size());
    }

    /** The columns of the trials from {@code from} on, as far as one task read them. */
    private record Chunk(int from, Map<String, Column> columns) {}

    /**
     * Reads consecutive runs of trials in parallel (the common fork-join pool): reading every
     * parameter of every trial out of its maps is most of an importance computation's time.
     */
    private static List<Chunk> readChunks(List<FrozenTrial> trials, List<String> listed, Unlisted unlisted) {
        int n = trials.size();
        int chunks = Math.max(1, Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, n / MIN_CHUNK));
        return IntStream.range(0, chunks)
                .parallel()
                .mapToObj(c -> readChunk(trials, n * c / chunks, n * (c + 1) / chunks, listed, unlisted))
                .toList();
    }

    private static Chunk readChunk(List<FrozenTrial> trials, int from, int to, List<String> listed, Unlisted unlisted) {
        Map<String, Column> columns = new HashMap<>();
        for (String name : listed) {
            columns.put(name, new Column(to - from));
        }
        for (int i = from; i < to; i++) {
            // One call per trial rather than one long loop: the JIT compiles a method called
            // thousands of times long before it would replace a running loop.
            readTrial(columns, i - from, trials.get(i), to - from, unlisted);
        }
        return new Chunk(from, columns);
    }

    private static void readTrial(Map<String, Column> columns, int row, FrozenTrial t, int rows, Unlisted unlisted) {
        Map<String, Object> params = t.params();
        for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
            String name = e.getKey();
            Column column = columns.get(name);
            if (column == null) {
                if (unlisted == Unlisted.SKIP) {
                    continue;
                }
                column = new Column(rows);
                columns.put(name, column);
            }
            column.put(row, e.getValue(), params.get(name));
        }
    }

    /** Joins the chunks' columns, numbering the distributions in the order they first appear. */
    private static ParamColumns merge(List<String> params, List<Chunk> chunks, int rows) {
        double[][] values = new double[params.size()][rows];
        int[][] ids = new int[params.size()][rows];
        Distribution[][] distinct = new Distribution[params.size()][];
        for (int p = 0; p < values.length; p++) {
            Arrays.fill(values[p], Double.NaN);
            Arrays.fill(ids[p], -1);
            Map<Distribution, Integer> idOf = new HashMap<>();
            List<Distribution> all = new ArrayList<>();
            for (Chunk chunk : chunks) {
                Column column = chunk.columns().get(params.get(p));
                if (column == null) {
                    continue;
                }
                System.arraycopy(column.values, 0, values[p], chunk.from(), column.values.length);
                int[] global = new int[column.distinct.size()];
                boolean same = true;
                for (int k = 0; k < global.length; k++) {
                    global[k] = idOf.computeIfAbsent(column.distinct.get(k), d -> {
                        all.add(d);
                        return all.size() - 1;
                    });
                    same &= global[k] == k;
                }
                if (same) {
                    System.arraycopy(column.ids, 0, ids[p], chunk.from(), column.ids.length);
                } else {
                    for (int i = 0; i < column.ids.length; i++) {
                        int id = column.ids[i];
                        ids[p][chunk.from() + i] = id < 0 ? -1 : global[id];
                    }
                }
            }
            distinct[p] = all.toArray(Distribution[]::new);
        }
        return new ParamColumns(params, values, ids, distinct);
    }

    /** One parameter's column in a run of trials while they are read. */
    private static final class Column {
        final double[] values;
        final int[] ids;
        final List<Distribution> distinct = new ArrayList<>();
        final Map<Distribution, Integer> idOf = new HashMap<>();
        Distribution last;
        int lastId = -1;

        Column(int rows) {
            values = new double[rows];
            ids = new int[rows];
            Arrays.fill(values, Double.NaN);
            Arrays.fill(ids, -1);
        }

        void put(int row, Distribution distribution, Object external) {
            // Trials mostly share one distribution (often one instance): compare with the
            // previous trial's before hashing.
            if (distribution != last && !distribution.equals(last)) {
                lastId = idOf.computeIfAbsent(distribution, key -> {
                    distinct.add(key);
                    return distinct.size() - 1;
                });
                last = distribution;
            }
            ids[row] = lastId;
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
