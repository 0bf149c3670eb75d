package io.tunekit.analysis.importance;

import io.tunekit.FrozenTrial;
import io.tunekit.distribution.Distribution;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysed parameters of the analysed trials, column by column: the internal value and the
 * distribution of parameter p in trial i at {@code [p][i]} (NaN and {@code null} where the trial
 * lacks it). Read once from the trials' maps, so the evaluators and the bootstrap work on arrays.
 */
record ParamColumns(List<String> params, double[][] values, Distribution[][] distributions) {

    static ParamColumns of(List<String> params, List<FrozenTrial> trials) {
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < params.size(); p++) {
            index.put(params.get(p), p);
        }
        double[][] values = new double[params.size()][trials.size()];
        Distribution[][] distributions = new Distribution[params.size()][trials.size()];
        for (double[] column : values) {
            Arrays.fill(column, Double.NaN);
        }
        for (int i = 0; i < trials.size(); i++) {
            FrozenTrial t = trials.get(i);
            for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
                Integer p = index.get(e.getKey());
                if (p != null) {
                    distributions[p][i] = e.getValue();
                    values[p][i] = e.getValue().toInternal(t.params().get(e.getKey()));
                }
            }
        }
        return new ParamColumns(List.copyOf(params), values, distributions);
    }

    /** The columns of the trials at the given indices (with repetitions), for the bootstrap. */
    ParamColumns pick(int[] rows) {
        double[][] v = new double[values.length][rows.length];
        Distribution[][] d = new Distribution[values.length][rows.length];
        for (int p = 0; p < values.length; p++) {
            for (int k = 0; k < rows.length; k++) {
                v[p][k] = values[p][rows[k]];
                d[p][k] = distributions[p][rows[k]];
            }
        }
        return new ParamColumns(params, v, d);
    }

    int size() {
        return values.length == 0 ? 0 : values[0].length;
    }
}
