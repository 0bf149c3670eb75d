package io.tunekit.benchmarks.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses seed lists such as {@code 0-14} or {@code 0,3,5-7}. */
public final class Seeds {

    private Seeds() {}

    /**
     * The seeds of a comma-separated list of numbers and inclusive ranges, in the order given,
     * without duplicates.
     *
     * @throws IllegalArgumentException naming the part that is not a number or a range {@code a-b}
     *     with {@code a <= b}
     */
    public static List<Long> parse(String spec) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            try {
                if (dash < 0) {
                    seeds.add(Long.parseLong(p));
                    continue;
                }
                long from = Long.parseLong(p.substring(0, dash).trim());
                long to = Long.parseLong(p.substring(dash + 1).trim());
                if (from > to) {
                    throw new IllegalArgumentException("seed range '" + p + "' must have from <= to");
                }
                for (long s = from; s <= to; s++) {
                    seeds.add(s);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "seed list '" + spec + "': '" + p + "' is not a number or a range like 0-14", e);
            }
        }
        return new ArrayList<>(seeds);
    }
}
