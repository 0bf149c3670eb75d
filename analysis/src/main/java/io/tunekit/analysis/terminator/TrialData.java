package io.tunekit.analysis.terminator;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The COMPLETE trials of a study as the GP sees them. */
final class TrialData {

    private TrialData() {}

    static List<FrozenTrial> complete(List<FrozenTrial> trials) {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    }

    /** The parameters every COMPLETE trial has with the same distribution, by name. */
    static Map<String, Distribution> intersection(List<FrozenTrial> complete) {
        Map<String, Distribution> shared = new TreeMap<>();
        if (!complete.isEmpty()) {
            shared.putAll(complete.get(0).distributions());
        }
        for (FrozenTrial t : complete) {
            shared.entrySet()
                    .removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
        }
        return shared;
    }

    /** The trials' parameters encoded for the GP, one row per trial. */
    static double[][] encode(SearchSpaceEncoding encoding, List<FrozenTrial> complete) {
        double[][] x = new double[complete.size()][];
        for (int i = 0; i < x.length; i++) {
            double[] internal = new double[encoding.dimension()];
            for (int d = 0; d < internal.length; d++) {
                internal[d] = complete.get(i).internalParam(encoding.names().get(d));
            }
            x[i] = encoding.encode(internal);
        }
        return x;
    }
}
