package io.tunekit.cli;

import io.tunekit.distribution.Distribution;
import io.tunekit.storage.jdbc.OptunaJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON options: {@code --search-space} in Optuna's distribution JSON, {@code --sampler-kwargs}. */
final class JsonArguments {

    private JsonArguments() {}

    /**
     * A JSON object, e.g. {@code {"seed": 42}}.
     *
     * @throws CliException (USAGE) naming the option if the text is not a JSON object
     */
    static Map<String, Object> object(String option, String text) {
        Object value;
        try {
            value = OptunaJson.loads(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, option + ": " + e.getMessage(), e);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new CliException(ExitCode.USAGE, option + ": '" + text + "' is not a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * A search space as Optuna's {@code ask --search-space} takes it: parameter name to the
     * output of {@code distribution_to_json}, e.g.
     * {@code {"x": {"name": "FloatDistribution", "attributes": {"low": 0.0, "high": 1.0, "step": null, "log": false}}}}
     * (omitted attributes take their defaults).
     *
     * @throws CliException (USAGE) naming the parameter and what is wrong with its distribution
     */
    static Map<String, Distribution> searchSpace(String text) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object("--search-space", text).entrySet()) {
            try {
                space.put(e.getKey(), OptunaJson.distribution(OptunaJson.dumps(e.getValue())));
            } catch (IllegalArgumentException ex) {
                throw new CliException(
                        ExitCode.USAGE, "--search-space: parameter '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
        return space;
    }
}
