package io.tunekit.analysis.importance;

import io.tunekit.distribution.Distribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers distributions 0, 1, 2, ... in the order they are first seen, equal ones alike. Trials
 * read from a storage share one instance per distinct distribution, and the trials of a study
 * mostly have the previous trial's distribution, so a distribution is first compared by identity:
 * the records' {@code equals} and {@code hashCode} (bootstrapped on first use, which costs a
 * fresh JVM more than numbering 10,000 trials) run only for instances not seen before. Not
 * thread-safe.
 */
final class DistributionIds {

    /** Distinct distributions this many or fewer are found by identity without hashing. */
    private static final int IDENTITY_SCAN = 8;

    private final List<Distribution> distinct = new ArrayList<>();
    private Map<Distribution, Integer> byValue;
    private Distribution last;
    private int lastId = -1;

    /** The number of {@code distribution}, a new one if no equal distribution was seen. */
    int id(Distribution distribution) {
        if (distribution == last) {
            return lastId;
        }
        int id = sameInstance(distribution);
        if (id < 0) {
            id = last != null && distribution.equals(last) ? lastId : byValue(distribution);
        }
        last = distribution;
        lastId = id;
        return id;
    }

    /** The distributions seen, by number. */
    Distribution[] distinct() {
        return distinct.toArray(new Distribution[0]);
    }

    private int sameInstance(Distribution distribution) {
        for (int k = 0; k < Math.min(distinct.size(), IDENTITY_SCAN); k++) {
            if (distinct.get(k) == distribution) {
                return k;
            }
        }
        return -1;
    }

    private int byValue(Distribution distribution) {
        if (distinct.isEmpty()) {
            distinct.add(distribution);
            return 0;
        }
        if (byValue == null) {
            byValue = new HashMap<>();
            for (int k = 0; k < distinct.size(); k++) {
                byValue.put(distinct.get(k), k);
            }
        }
        Integer known = byValue.get(distribution);
        if (known != null) {
            return known;
        }
        distinct.add(distribution);
        byValue.put(distribution, distinct.size() - 1);
        return distinct.size() - 1;
    }
}
