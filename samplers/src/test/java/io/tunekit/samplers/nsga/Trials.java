package io.tunekit.samplers.nsga;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.storage.InMemoryStorage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** COMPLETE trials numbered 0, 1, ... with given values (and constraints), for selection tests. */
final class Trials {

    private Trials() {}

    static List<FrozenTrial> complete(double[][] values) {
        return complete(values, null);
    }

    /** @param constraints one row per trial, or null for none */
    static List<FrozenTrial> complete(double[][] values, double[][] constraints) {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("t", Collections.nCopies(values[0].length, Direction.MINIMIZE));
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            FrozenTrial.Builder b = FrozenTrial.builder()
                    .state(TrialState.COMPLETE)
                    .values(values[i])
                    .param("x", FloatDistribution.of(0, 1), 0.5);
            if (constraints != null) {
                for (int c = 0; c < constraints[i].length; c++) {
                    b.constraint(Integer.toString(c), constraints[i][c]);
                }
            }
            out.add(storage.createTrial(study, b.build(), List.of()).orElseThrow());
        }
        return out;
    }

    /** COMPLETE trials with these parameters (internal values, in space order) and objective values. */
    static List<FrozenTrial> withParams(SortedMap<String, Distribution> space, double[][] internal, double[][] values) {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("t", Collections.nCopies(values[0].length, Direction.MINIMIZE));
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = 0; i < internal.length; i++) {
            FrozenTrial.Builder b =
                    FrozenTrial.builder().state(TrialState.COMPLETE).values(values[i]);
            int k = 0;
            for (Map.Entry<String, Distribution> e : space.entrySet()) {
                b.param(e.getKey(), e.getValue(), e.getValue().toExternal(internal[i][k++]));
            }
            out.add(storage.createTrial(study, b.build(), List.of()).orElseThrow());
        }
        return out;
    }

    static List<Integer> numbers(List<FrozenTrial> trials) {
        return trials.stream().map(FrozenTrial::number).toList();
    }
}
