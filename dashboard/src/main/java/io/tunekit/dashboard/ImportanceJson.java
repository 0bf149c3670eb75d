package io.tunekit.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.analysis.importance.Importance;
import io.tunekit.analysis.importance.ParamImportance;
import io.tunekit.analysis.importance.ParamImportances;
import java.io.IOException;
import java.util.List;

/**
 * Parameter importance for the study page, from Tunekit's analysis module (PED-ANOVA, as Optuna
 * 5.0's default), one objective at a time. Where it cannot be computed (fewer than two complete
 * trials, every value the same, ...) the answer carries the analysis module's reason instead.
 */
final class ImportanceJson {

    private ImportanceJson() {}

    /**
     * {@code {"available": true, "objective", "evaluator", "trials", "importances": [{"param",
     * "importance"}...]}}, most important first, or {@code {"available": false, "objective",
     * "reason"}}.
     *
     * @throws IllegalArgumentException if the study has no such objective
     */
    static void write(JsonGenerator g, List<Direction> directions, List<FrozenTrial> trials, int objective)
            throws IOException {
        if (objective < 0 || objective >= directions.size()) {
            throw new IllegalArgumentException(
                    "objective=" + objective + " must be in [0, " + (directions.size() - 1) + "]");
        }
        ParamImportances importances;
        try {
            importances = Importance.builder()
                    .target(t -> t.values().get(objective), directions.get(objective))
                    .evaluate(trials, directions);
        } catch (IllegalArgumentException cannot) {
            g.writeStartObject();
            g.writeBooleanField("available", false);
            g.writeNumberField("objective", objective);
            g.writeStringField("reason", "Parameter importance cannot be computed: " + cannot.getMessage());
            g.writeEndObject();
            return;
        }
        g.writeStartObject();
        g.writeBooleanField("available", true);
        g.writeNumberField("objective", objective);
        g.writeStringField("evaluator", importances.evaluator());
        g.writeNumberField("trials", importances.trials());
        g.writeArrayFieldStart("importances");
        for (ParamImportance p : importances.ranking()) {
            g.writeStartObject();
            g.writeStringField("param", p.param());
            g.writeNumberField("importance", p.importance());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The importances of every objective: a report cannot ask later. */
    static void writeAll(JsonGenerator g, List<Direction> directions, List<FrozenTrial> trials) throws IOException {
        g.writeStartArray();
        for (int k = 0; k < directions.size(); k++) {
            write(g, directions, trials, k);
        }
        g.writeEndArray();
    }
}
