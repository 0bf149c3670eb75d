package io.tunekit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Attribute values are JSON values, because storages keep them as JSON text (Optuna's
 * {@code value_json} columns). This class checks a value and makes the immutable, normalised copy
 * every storage keeps: {@code null}, {@link Boolean}, {@link String}, {@link Integer} (or
 * {@link Long} when it does not fit), {@link Double} (NaN and infinities allowed, as Python's
 * {@code json} writes them), {@link List} and {@link Map} with {@link String} keys, nested
 * freely; a {@link Float} is kept as a double and an enum constant as its name. Normalising
 * integers the way a JSON parser reads them back means a value reads the same from every
 * storage.
 */
public final class JsonValues {

    private JsonValues() {}

    /**
     * Validates {@code value} and returns its normalised immutable deep copy.
     *
     * @throws IllegalArgumentException naming the offending value if it is not a JSON value
     */
    public static Object copy(Object value) {
        return copy(value, value);
    }

    /**
     * Whether two JSON values are equal as Python compares them: numbers by value
     * ({@code 1 == 1L == 1.0}), NaN equal to NaN, a Boolean never equal to a number, lists element
     * by element, maps entry by entry regardless of order. Categorical choices, compare-and-set of
     * attributes and stored values all use this one rule.
     */
    public static boolean sameValue(Object a, Object b) {
        return equal(a, b, JsonValues::sameNumber);
    }

    /**
     * {@link #sameValue} with numbers equal within a relative tolerance of 1e-5 of {@code b}: how
     * an enqueued trial's parameters are matched against existing trials, so a value that went
     * through a float round trip still matches.
     */
    public static boolean closeValue(Object a, Object b) {
        return equal(a, b, JsonValues::closeNumber);
    }

    /** A hash code consistent with {@link #sameValue} for numbers and scalars. */
    public static int hash(Object value) {
        return value instanceof Number n ? Double.hashCode(n.doubleValue()) : Objects.hashCode(value);
    }

    private interface NumberRule {
        boolean equal(Number a, Number b);
    }

    private static boolean sameNumber(Number x, Number y) {
        if (x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return dx == dy || Double.isNaN(dx) && Double.isNaN(dy);
        }
        return x.longValue() == y.longValue();
    }

    private static boolean closeNumber(Number x, Number y) {
        double a = x.doubleValue();
        double b = y.doubleValue();
        return a == b || Double.isNaN(a) && Double.isNaN(b) || Math.abs(a - b) <= 1e-5 * Math.abs(b);
    }

    private static boolean equal(Object a, Object b, NumberRule numbers) {
        if (a == b) {
            return true; // each rule finds a value equal to itself (NaN included); saves walking a large value
        }
        if (a instanceof Number x && b instanceof Number y) {
            return numbers.equal(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i), numbers)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()), numbers)) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static Object copy(Object value, Object whole) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Double) {
            return value;
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name(); // as a categorical parameter stores it
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (v == (int) v) {
                return Integer.valueOf((int) v); // not a ternary: that would widen both arms to long
            }
            return Long.valueOf(v);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(copy(o, whole));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(
                            "attribute value " + whole + " is not JSON: map key " + e.getKey() + " is not a String");
                }
                out.put(key, copy(e.getValue(), whole));
            }
            return Collections.unmodifiableMap(out);
        }
        throw new IllegalArgumentException("attribute value " + whole + " is not JSON: " + value + " has type "
                + value.getClass().getName() + " (use null, Boolean, Number, String, List or Map<String, ?>)");
    }
}
