package io.tunekit.samplers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.distribution.Distribution;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The planned parameters of a running trial, shared through trial system attributes as Optuna's
 * TPE and GP samplers do: the JSON text of {@code {name: external value}} split into chunks of at
 * most 2045 characters under {@code <prefix>0}, {@code <prefix>1}, ... (the prefix is
 * {@code tpe:relative_params:} for TPE and {@code gp:relative_params:} for GP).
 *
 * <p>Other workers read them to treat that trial as a pending observation (TPE's constant liar,
 * GP's Kriging believer) before it has stored all its parameters. Only flat objects with string,
 * number, boolean and null values occur; the JSON is ASCII, with Python's {@code NaN} and
 * {@code Infinity} tokens, as Python's {@code json} module reads and writes it. Anything else is
 * rejected as malformed.
 */
public final class RelativeParamsAttr {

    /** The longest chunk (Optuna's limit for RDB attribute values). */
    public static final int MAX_CHUNK = 2045;

    private static final System.Logger LOG = System.getLogger(RelativeParamsAttr.class.getName());

    /**
     * The mapper, built on first use: TPE and GP hold a {@code RelativeParamsAttr} from class
     * initialisation, but only multivariate or constant-liar sampling reads or writes plans, and
     * building a mapper loads several hundred databind classes, which a short-lived process
     * (one {@code tunekit ask}) would otherwise pay for nothing.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private final String keyPrefix;

    /**
     * The attributes under one key prefix.
     *
     * @param keyPrefix the prefix the chunk index is appended to, e.g. {@code tpe:relative_params:}
     */
    public RelativeParamsAttr(String keyPrefix) {
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** The prefix the chunk index is appended to. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /**
     * Stores a trial's planned parameters, given as internal values of {@code space}, in its
     * system attributes; nothing if the plan is empty.
     */
    public void share(
            StudyView study, FrozenTrial trial, Map<String, ? extends Distribution> space, Map<String, Double> plan) {
        if (plan.isEmpty()) {
            return;
        }
        Map<String, Object> external = new LinkedHashMap<>();
        plan.forEach((name, internal) -> external.put(name, space.get(name).toExternal(internal)));
        List<String> chunks = chunks(external);
        for (int i = 0; i < chunks.size(); i++) {
            study.setTrialSystemAttr(trial, keyPrefix + i, chunks.get(i));
        }
    }

    /**
     * The planned parameters a trial shared (external values): empty if it shared none, and empty
     * (logged at DEBUG) if the stored text is malformed, since another worker's unreadable plan
     * must not stop this one from sampling.
     */
    public Map<String, Object> sharedBy(FrozenTrial trial) {
        try {
            return read(trial.systemAttrs());
        } catch (IllegalArgumentException malformed) {
            LOG.log(
                    Level.DEBUG,
                    "Trial {0}: unreadable {1}* attributes ignored: {2}",
                    trial.number(),
                    keyPrefix,
                    malformed.getMessage());
            return Map.of();
        }
    }

    /** The chunks of the JSON text of {@code params} (external values), in key order. */
    public static List<String> chunks(Map<String, Object> params) {
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
    public Map<String, Object> read(Map<String, Object> systemAttrs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; systemAttrs.get(keyPrefix + i) instanceof String chunk; i++) {
            text.append(chunk);
        }
        if (text.length() == 0) {
            return Map.of();
        }
        Map<String, Object> params;
        try {
            params = Json.MAPPER.readValue(text.toString(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    keyPrefix + "* attributes are not a JSON object: " + e.getOriginalMessage(), e);
        }
        params.forEach((name, value) -> {
            if (value instanceof Map || value instanceof List) {
                throw new IllegalArgumentException(
                        keyPrefix + "* attributes: parameter '" + name + "' is not a string, number, boolean or null");
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
    public static String toJson(Map<String, Object> params) {
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
            return Json.MAPPER.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the relative parameters as JSON", e);
        }
    }
}
