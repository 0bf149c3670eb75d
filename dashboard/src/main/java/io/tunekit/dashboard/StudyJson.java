package io.tunekit.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Studies;
import io.tunekit.Study;
import io.tunekit.StudySummary;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The JSON the pages read, written straight to a stream (a 100,000-trial study never becomes one
 * big string). One writer serves the server's API and the report, so that both show the same data.
 *
 * <p>Every string is escaped so that {@code <}, {@code >} and {@code &} never appear literally:
 * the output may sit inside an HTML {@code <script>} element of a report, where a study named
 * {@code </script>} would otherwise end the element.
 */
final class StudyJson {

    /** Optuna's study system attribute holding the objectives' names. */
    static final String METRIC_NAMES_KEY = "study:metric_names";

    /**
     * Writes attribute values (JSON values of any shape). Without FLUSH_AFTER_WRITE_VALUE: a flush
     * per value would send one HTTP chunk (or one write to a report file) per attribute.
     */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private StudyJson() {}

    /** A generator that writes HTML-safe JSON (NaN and infinities as the strings "NaN", "Infinity"). */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = MAPPER.createGenerator(out);
        g.setCharacterEscapes(HtmlSafeEscapes.INSTANCE);
        return g;
    }

    /**
     * The summary of one study for the studies page: {@link Studies#summaries}' plus the counts by
     * state and the last activity.
     *
     * @param summary the study's summary
     * @param trials its trials, all states (possibly a later snapshot than the summary's)
     */
    static void writeSummary(JsonGenerator g, StudySummary summary, List<FrozenTrial> trials) throws IOException {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        Instant last = null;
        for (FrozenTrial t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
            last = latest(last, latest(t.datetimeStart(), t.datetimeComplete()));
        }
        g.writeStartObject();
        g.writeStringField("name", summary.name());
        writeDirections(g, summary.directions());
        g.writeNumberField("trialCount", trials.size());
        g.writeObjectFieldStart("states");
        for (Map.Entry<TrialState, Integer> e : counts.entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        if (summary.bestTrial().isPresent()) {
            g.writeObjectFieldStart("best");
            g.writeNumberField("number", summary.bestTrial().get().number());
            g.writeNumberField("value", summary.bestTrial().get().value());
            g.writeEndObject();
        } else {
            g.writeNullField("best");
        }
        writeInstant(g, "start", summary.datetimeStart().orElse(null));
        writeInstant(g, "lastActivity", last);
        g.writeEndObject();
    }

    /**
     * A study with the trials {@code include} accepts, in the envelope the study page reads (the
     * module README documents it).
     */
    /** What a study's envelope carries beyond the trials. */
    enum Extra {
        /** Nothing: a page asks for importances when it shows them. */
        NONE,
        /** The importances of every objective ({@code "importance": [...]}), for a report. */
        IMPORTANCE
    }

    static void writeStudy(
            JsonGenerator g, Study study, List<FrozenTrial> trials, Predicate<FrozenTrial> include, Extra extra)
            throws IOException {
        List<FrozenTrial> selected = new ArrayList<>();
        Map<String, Integer> paramIndex = new LinkedHashMap<>();
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        for (FrozenTrial t : trials) {
            if (include.test(t)) {
                selected.add(t);
                for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
                    if (paramIndex.putIfAbsent(e.getKey(), paramIndex.size()) == null) {
                        distributions.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
        g.writeStartObject();
        g.writeObjectFieldStart("study");
        g.writeStringField("name", study.name());
        writeDirections(g, study.directions());
        g.writeFieldName("metricNames");
        Object metricNames = study.view().systemAttrs().get(METRIC_NAMES_KEY);
        g.writeObject(metricNames instanceof List<?> ? metricNames : null);
        g.writeFieldName("userAttrs");
        g.writeObject(study.userAttrs());
        g.writeEndObject();
        g.writeNumberField("trialCount", trials.size());
        g.writeArrayFieldStart("params");
        for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
            g.writeStartObject();
            g.writeStringField("name", e.getKey());
            g.writeFieldName("distribution");
            writeDistribution(g, e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("trials");
        for (FrozenTrial t : selected) {
            writeTrialRow(g, t, paramIndex);
        }
        g.writeEndArray();
        if (extra == Extra.IMPORTANCE) {
            g.writeFieldName("importance");
            ImportanceJson.writeAll(g, study.directions(), trials);
        }
        g.writeEndObject();
    }

    /**
     * One trial as a compact array (a 50,000-trial report must stay small):
     * {@code [number, state, values, start, complete, params, intermediate, feasible, userAttrs,
     * systemAttrs]}, trailing empty fields left out. Times are epoch milliseconds; params are
     * internal values (the choice index for categorical ones) at the positions of the envelope's
     * {@code params} list, {@code null} where the trial lacks the parameter; intermediate values
     * are {@code [[steps...], [values...]]}; feasible is {@code null} without constraints.
     */
    private static void writeTrialRow(JsonGenerator g, FrozenTrial t, Map<String, Integer> paramIndex)
            throws IOException {
        boolean hasParams = !t.params().isEmpty();
        boolean hasCurve = !t.intermediateValues().isEmpty();
        boolean hasConstraints = t.hasConstraints();
        boolean hasUserAttrs = !t.userAttrs().isEmpty();
        boolean hasSystemAttrs = !t.systemAttrs().isEmpty();
        int length = hasSystemAttrs ? 10 : hasUserAttrs ? 9 : hasConstraints ? 8 : hasCurve ? 7 : hasParams ? 6 : 5;
        g.writeStartArray();
        g.writeNumber(t.number());
        g.writeString(t.state().name());
        if (t.hasValues()) {
            g.writeStartArray();
            for (double v : t.values()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        } else {
            g.writeNull();
        }
        writeMillis(g, t.datetimeStart());
        writeMillis(g, t.datetimeComplete());
        if (length > 5) {
            if (hasParams) {
                double[] params = new double[maxIndex(t, paramIndex) + 1];
                boolean[] present = new boolean[params.length];
                for (String name : t.params().keySet()) {
                    int i = paramIndex.get(name);
                    params[i] = t.internalParam(name);
                    present[i] = true;
                }
                g.writeStartArray();
                for (int i = 0; i < params.length; i++) {
                    if (present[i]) {
                        g.writeNumber(params[i]);
                    } else {
                        g.writeNull();
                    }
                }
                g.writeEndArray();
            } else {
                g.writeNull();
            }
        }
        if (length > 6) {
            if (hasCurve) {
                g.writeStartArray();
                g.writeStartArray();
                for (int step : t.intermediateValues().keySet()) {
                    g.writeNumber(step);
                }
                g.writeEndArray();
                g.writeStartArray();
                for (double v : t.intermediateValues().values()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
                g.writeEndArray();
            } else {
                g.writeNull();
            }
        }
        if (length > 7) {
            if (hasConstraints) {
                g.writeBoolean(t.isFeasible());
            } else {
                g.writeNull();
            }
        }
        if (length > 8) {
            g.writeObject(hasUserAttrs ? t.userAttrs() : null);
        }
        if (length > 9) {
            g.writeObject(t.systemAttrs());
        }
        g.writeEndArray();
    }

    private static void writeMillis(JsonGenerator g, Instant at) throws IOException {
        if (at == null) {
            g.writeNull();
        } else {
            g.writeNumber(at.toEpochMilli());
        }
    }

    private static int maxIndex(FrozenTrial t, Map<String, Integer> paramIndex) {
        int max = -1;
        for (String name : t.params().keySet()) {
            max = Math.max(max, paramIndex.get(name));
        }
        return max;
    }

    /**
     * One trial as a readable object, for scripts ({@code /api/studies/NAME/trials/NUMBER}).
     */
    static void writeTrialObject(JsonGenerator g, FrozenTrial t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("number", t.number());
        g.writeStringField("state", t.state().name());
        g.writeFieldName("values");
        g.writeObject(t.hasValues() ? t.values() : null);
        writeInstant(g, "datetimeStart", t.datetimeStart());
        writeInstant(g, "datetimeComplete", t.datetimeComplete());
        g.writeFieldName("params");
        g.writeObject(t.params());
        g.writeObjectFieldStart("distributions");
        for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
            g.writeFieldName(e.getKey());
            writeDistribution(g, e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("intermediateValues");
        for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        g.writeFieldName("userAttrs");
        g.writeObject(t.userAttrs());
        g.writeFieldName("systemAttrs");
        g.writeObject(t.systemAttrs());
        g.writeFieldName("feasible");
        g.writeObject(t.hasConstraints() ? t.isFeasible() : null);
        g.writeEndObject();
    }

    /** An error the pages show as it is: {@code {"error": message}}. */
    static void writeError(JsonGenerator g, String message) throws IOException {
        g.writeStartObject();
        g.writeStringField("error", message);
        g.writeEndObject();
    }

    private static void writeDirections(JsonGenerator g, List<Direction> directions) throws IOException {
        g.writeArrayFieldStart("directions");
        for (Direction d : directions) {
            g.writeString(d.name());
        }
        g.writeEndArray();
    }

    private static void writeDistribution(JsonGenerator g, Distribution d) throws IOException {
        g.writeStartObject();
        if (d instanceof FloatDistribution f) {
            g.writeStringField("type", "float");
            g.writeNumberField("low", f.low());
            g.writeNumberField("high", f.high());
            g.writeFieldName("step");
            g.writeObject(f.step());
            g.writeBooleanField("log", f.log());
        } else if (d instanceof IntDistribution i) {
            g.writeStringField("type", "int");
            g.writeNumberField("low", i.low());
            g.writeNumberField("high", i.high());
            g.writeNumberField("step", i.step());
            g.writeBooleanField("log", i.log());
        } else if (d instanceof CategoricalDistribution c) {
            g.writeStringField("type", "categorical");
            g.writeFieldName("choices");
            g.writeObject(c.choices());
        }
        g.writeEndObject();
    }

    private static void writeInstant(JsonGenerator g, String field, Instant at) throws IOException {
        if (at == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, at.toEpochMilli());
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Jackson's standard escaping plus {@code < > &} as {@code \}{@code u003c} and friends. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        static final HtmlSafeEscapes INSTANCE = new HtmlSafeEscapes();
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        private HtmlSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028/2029 end a line in older JavaScript parsers; escape them too.
            return ch == 0x2028
                    ? new SerializedString("\\u2028")
                    : ch == 0x2029 ? new SerializedString("\\u2029") : null;
        }
    }
}
