package io.tunekit.storage.jdbc;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Distributions as Optuna's {@code distribution_json} column holds them. Writing produces the
 * exact text of Optuna's {@code distribution_to_json} (attribute order included); reading accepts
 * the current classes, the legacy ones (Uniform, LogUniform, DiscreteUniform, IntUniform,
 * IntLogUniform) and the abbreviated {@code {"type": ...}} form.
 */
final class DistributionJson {

    /** Float and int distributions are records with exact equality, so their text can be reused. */
    private static final Map<Distribution, String> NUMERIC_CACHE = new ConcurrentHashMap<>();

    private DistributionJson() {}

    static String toJson(Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            // Not cached: categorical equality is Python's (1 == 1.0) but the text keeps the type.
            return PythonJson.dumps(named("CategoricalDistribution", Map.of("choices", c.choices())));
        }
        return NUMERIC_CACHE.computeIfAbsent(d, DistributionJson::numericJson);
    }

    private static String numericJson(Distribution d) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (d instanceof FloatDistribution f) {
            attrs.put("step", f.step());
            attrs.put("low", f.low());
            attrs.put("high", f.high());
            attrs.put("log", f.log());
            return PythonJson.dumps(named("FloatDistribution", attrs));
        }
        IntDistribution i = (IntDistribution) d;
        attrs.put("log", i.log());
        attrs.put("step", i.step());
        attrs.put("low", i.low());
        attrs.put("high", i.high());
        return PythonJson.dumps(named("IntDistribution", attrs));
    }

    private static Map<String, Object> named(String name, Map<String, Object> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("attributes", attributes);
        return out;
    }

    /**
     * Parses a distribution.
     *
     * @throws IllegalArgumentException naming the text if it is not a distribution Optuna writes
     */
    static Distribution fromJson(String json) {
        if (!(PythonJson.loads(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("distribution_json " + json + " is not a JSON object");
        }
        try {
            if (map.containsKey("name")) {
                Map<?, ?> a = map.get("attributes") instanceof Map<?, ?> m ? m : Map.of();
                String name = String.valueOf(map.get("name"));
                return switch (name) {
                    case "FloatDistribution" ->
                        new FloatDistribution(
                                dbl(a, "low"),
                                dbl(a, "high"),
                                a.get("step") == null ? null : dbl(a, "step"),
                                bool(a, "log"));
                    case "IntDistribution" ->
                        new IntDistribution(
                                integer(a, "low"),
                                integer(a, "high"),
                                a.get("step") == null ? 1 : integer(a, "step"),
                                bool(a, "log"));
                    case "CategoricalDistribution" -> new CategoricalDistribution((List<?>) a.get("choices"));
                    case "UniformDistribution" -> FloatDistribution.of(dbl(a, "low"), dbl(a, "high"));
                    case "LogUniformDistribution" -> FloatDistribution.logScale(dbl(a, "low"), dbl(a, "high"));
                    case "DiscreteUniformDistribution" ->
                        FloatDistribution.stepped(dbl(a, "low"), dbl(a, "high"), dbl(a, "q"));
                    case "IntUniformDistribution" ->
                        new IntDistribution(
                                integer(a, "low"),
                                integer(a, "high"),
                                a.get("step") == null ? 1 : integer(a, "step"),
                                false);
                    case "IntLogUniformDistribution" ->
                        new IntDistribution(integer(a, "low"), integer(a, "high"), 1, true);
                    default -> throw new IllegalArgumentException("unknown distribution name '" + name + "'");
                };
            }
            String type = String.valueOf(map.get("type"));
            return switch (type) {
                case "float" ->
                    new FloatDistribution(
                            dbl(map, "low"),
                            dbl(map, "high"),
                            map.get("step") == null ? null : dbl(map, "step"),
                            bool(map, "log"));
                case "int" ->
                    new IntDistribution(
                            integer(map, "low"),
                            integer(map, "high"),
                            map.get("step") == null ? 1 : integer(map, "step"),
                            bool(map, "log"));
                case "categorical" -> new CategoricalDistribution((List<?>) map.get("choices"));
                default -> throw new IllegalArgumentException("unknown distribution type '" + type + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read distribution_json " + json + ": " + e.getMessage(), e);
        }
    }

    private static double dbl(Map<?, ?> a, String key) {
        if (!(a.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("attribute '" + key + "' is " + a.get(key) + ", not a number");
        }
        return n.doubleValue();
    }

    private static int integer(Map<?, ?> a, String key) {
        double v = dbl(a, key);
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("attribute '" + key + "' = " + a.get(key) + " is not an int");
        }
        return (int) v;
    }

    private static boolean bool(Map<?, ?> a, String key) {
        return Boolean.TRUE.equals(a.get(key));
    }
}
