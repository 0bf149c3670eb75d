package io.tunekit.distribution;

import io.tunekit.internal.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An unordered set of choices. The internal representation of a choice is its index.
 *
 * <p>A choice is {@code null}, a {@link Boolean}, an {@link Integer} or {@link Long}, a
 * {@link Double} or a {@link String}: the values Optuna stores as JSON. Numbers compare by
 * value ({@code 1 == 1L == 1.0}), NaN equals NaN, and a Boolean is never equal to a number.
 * The list must be non-empty and must not hold the same choice twice.
 */
public final class CategoricalDistribution implements Distribution {

    private final List<Object> choices;

    /**
     * @param choices the choices, in order
     * @throws IllegalArgumentException if the list is empty, holds an unsupported type or holds a
     *     choice twice
     */
    public CategoricalDistribution(List<?> choices) {
        Objects.requireNonNull(choices, "choices");
        if (choices.isEmpty()) {
            throw new DistributionRuleException("CategoricalDistribution", "choices must not be empty");
        }
        List<Object> copy = new ArrayList<>(choices.size());
        for (Object c : choices) {
            if (!(c == null
                    || c instanceof Boolean
                    || c instanceof Integer
                    || c instanceof Long
                    || c instanceof Double
                    || c instanceof String)) {
                throw new DistributionRuleException(
                        "CategoricalDistribution",
                        "choice " + c + " of type "
                                + c.getClass().getName()
                                + " is not supported (use null, Boolean, Integer, Long, Double or String)");
            }
            for (Object earlier : copy) {
                if (JsonValues.sameValue(earlier, c)) {
                    throw new DistributionRuleException(
                            "CategoricalDistribution", "choice " + c + " appears more than once in " + choices);
                }
            }
            copy.add(c);
        }
        this.choices = Collections.unmodifiableList(copy);
    }

    /** The choices in a distribution built from the given values. */
    public static CategoricalDistribution of(Object... choices) {
        return new CategoricalDistribution(java.util.Arrays.asList(choices));
    }

    /** The choices, in order (unmodifiable; may hold {@code null}). */
    public List<Object> choices() {
        return choices;
    }

    /** The index of {@code choice}, or -1 if it is not one of the choices. */
    public int indexOf(Object choice) {
        for (int i = 0; i < choices.size(); i++) {
            if (JsonValues.sameValue(choices.get(i), choice)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public double toInternal(Object external) {
        int index = indexOf(external);
        if (index < 0) {
            throw new DistributionRuleException(
                    "CategoricalDistribution", "value " + external + " is not one of the choices " + choices);
        }
        return index;
    }

    @Override
    public Object toExternal(double internal) {
        int index = (int) internal;
        if (index < 0 || index >= choices.size() || index != internal) {
            throw new DistributionRuleException(
                    "CategoricalDistribution",
                    "internal value " + internal + " is not a choice index in [0, " + choices.size() + ")");
        }
        return choices.get(index);
    }

    @Override
    public boolean contains(double internal) {
        int index = (int) internal;
        return 0 <= internal && index < choices.size();
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }

    @Override
    public double singleValue() {
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CategoricalDistribution other) || other.choices.size() != choices.size()) {
            return false;
        }
        for (int i = 0; i < choices.size(); i++) {
            if (!JsonValues.sameValue(choices.get(i), other.choices.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Object c : choices) {
            h = 31 * h + JsonValues.hash(c);
        }
        return h;
    }

    @Override
    public String toString() {
        return "CategoricalDistribution[choices=" + choices + "]";
    }
}
