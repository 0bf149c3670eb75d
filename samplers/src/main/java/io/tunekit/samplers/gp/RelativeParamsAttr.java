package io.tunekit.samplers.gp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planned parameters of a running trial, shared through trial system attributes as Optuna's
 * GP sampler does: the JSON text of {@code {name: external value}} split into chunks of at most
 * 2045 characters under {@code gp:relative_params:0}, {@code gp:relative_params:1}, ...
 *
 * <p>Other workers read them to treat that trial as a pending observation (the Kriging believer)
 * before it has stored all its parameters. Only flat objects with string, number, boolean and
 * null values occur; the JSON is ASCII, with Python's {@code NaN} and {@code Infinity} tokens, as
 * Python's {@code json} module reads and writes it. Anything else is rejected as malformed.
 */
final class RelativeParamsAttr {

    /** Key prefix of the chunks. */
    static final String KEY_PREFIX = "gp:relative_params:";
    /** The longest chunk (Optuna's limit for RDB attribute values). */
    static final int MAX_CHUNK = 2045;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RelativeParamsAttr() {}

    /** The chunks of the JSON text of {@code params} (external values), in key order. */
    static List<String> chunks(Map<String, Object> params) {
        String json = toJson(params);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < json.length(); i += MAX_CHUNK) {
            out.add(json.substring(i, Math.min(json.length(), i + MAX_CHUNK)));
        }
        return out;
    }

    /**
     * The parameters stored in a trial's system attributes, or an empty map if there are none.
     *
     * @throws IllegalArgumentException if the stored text is not a flat JSON object
     */
    static Map<String, Object> read(Map<String, Object> systemAttrs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; systemAttrs.get(KEY_PREFIX + i) instanceof String chunk; i++) {
            text.append(chunk);
        }
        if (text.length() == 0) {
            return Map.of();
        }
        Map<String, Object> params;
        try {
            params = JSON.readValue(text.toString(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + "* attributes are not a JSON object: " + e.getOriginalMessage(), e);
        }
        params.forEach((name, value) -> {
            if (value instanceof Map || value instanceof List) {
                throw new IllegalArgumentException(
                        KEY_PREFIX + "* attributes: parameter '" + name + "' is not a string, number, boolean or null");
            }
        });
        return params;
    }

    /**
     * The JSON text of {@code params}.
     *
     * @throws IllegalArgumentException naming a parameter whose value is not null, Boolean,
     *     Integer, Long, Double or String
     */
    static String toJson(Map<String, Object> params) {
        params.forEach((name, v) -> {
            if (!(v == null
                    || v instanceof Boolean
                    || v instanceof Integer
                    || v instanceof Long
                    || v instanceof Double
                    || v instanceof String)) {
                throw new IllegalArgumentException("parameter '" + name + "' has value " + v + " of type "
                        + v.getClass().getName()
                        + "; only null, Boolean, Integer, Long, Double and String are written");
            }
        });
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the relative parameters as JSON", e);
        }
    }
}
