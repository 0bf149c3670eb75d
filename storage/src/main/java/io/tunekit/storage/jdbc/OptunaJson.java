package io.tunekit.storage.jdbc;

import io.tunekit.distribution.Distribution;

/**
 * JSON as Optuna writes and reads it, for tools that exchange text with Optuna users (the
 * {@code tunekit} command): Python's {@code json.dumps} bytes, lenient {@code json.loads}
 * reading, and the distribution JSON of Optuna's {@code distribution_to_json}. The same code
 * writes Optuna's tables, so the text a tool prints is the text the database holds.
 */
public final class OptunaJson {

    private OptunaJson() {}

    /**
     * Writes a JSON value ({@code null}, Boolean, String, Number, List, Map with String keys) as
     * Python's {@code json.dumps} does: {@code ", "} and {@code ": "} separators, floats in
     * Python's {@code repr} form ({@code 1e-05}), {@code NaN}/{@code Infinity} tokens, non-ASCII
     * escaped.
     *
     * @throws IllegalArgumentException naming the value if it is not a JSON value
     */
    public static String dumps(Object value) {
        return PythonJson.dumps(value);
    }

    /**
     * Parses JSON text ({@code NaN} and {@code Infinity} allowed, as Python reads them) into
     * immutable values: Map (insertion-ordered), List, String, Integer/Long, Double, Boolean,
     * {@code null}.
     *
     * @throws IllegalArgumentException naming the text if it is not valid JSON
     */
    public static Object loads(String text) {
        return PythonJson.loads(text);
    }

    /** A double as Python's {@code repr} prints it ({@code 0.1}, {@code 1e-05}, {@code 1e+16}). */
    public static String pythonFloat(double value) {
        return PythonJson.pythonFloat(value);
    }

    /**
     * Parses a distribution in Optuna's {@code distribution_to_json} form, e.g.
     * {@code {"name": "FloatDistribution", "attributes": {"low": 0.0, "high": 1.0}}}; the legacy
     * classes (UniformDistribution, IntUniformDistribution, ...) are read too.
     *
     * @throws IllegalArgumentException naming the text and the rule it breaks
     */
    public static Distribution distribution(String json) {
        return DistributionJson.fromJson(json);
    }

    /** A distribution as Optuna's {@code distribution_to_json} writes it. */
    public static String distributionJson(Distribution distribution) {
        return DistributionJson.toJson(distribution);
    }
}
