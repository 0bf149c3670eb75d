package io.tunekit.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tunekit.Study;
import java.io.IOException;

/**
 * Parameter importance for the study page. Tunekit computes importance in its analysis module;
 * until the dashboard is built on it, the answer says so instead of showing a made-up chart.
 */
final class Importance {

    static final String NOT_AVAILABLE = "Parameter importance is not available in this build: it comes from "
            + "Tunekit's analysis module, which the dashboard does not include yet.";

    private Importance() {}

    /** {@code {"available": false, "reason": ...}} or, once computed, the importances. */
    static void write(JsonGenerator g, Study study) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("available", false);
        g.writeStringField("reason", NOT_AVAILABLE);
        g.writeEndObject();
    }
}
