package io.tunekit.analysis.importance;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The importance of one parameter.
 *
 * @param param the parameter's name
 * @param importance its importance: a share of 1 when normalised, else the evaluator's raw score
 * @param interval a bootstrap interval for the importance, when one was asked for
 */
public record ParamImportance(String param, double importance, Optional<Interval> interval) {

    /** A percentile bootstrap interval: the importance recomputed on trials drawn with replacement. */
    public record Interval(double lower, double upper, double level, int resamples) {

        /** @throws IllegalArgumentException if {@code lower > upper} or the level is not in (0, 1) */
        public Interval {
            if (!(lower <= upper)) {
                throw new IllegalArgumentException("Interval: lower " + lower + " must not exceed upper " + upper);
            }
            if (!(0 < level && level < 1)) {
                throw new IllegalArgumentException("Interval: level " + level + " must be in (0, 1)");
            }
        }
    }

    public ParamImportance {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(interval, "interval");
    }

    /** For example {@code "lr 0.61 [0.52, 0.70]"}, or {@code "lr 0.61"} without an interval. */
    @Override
    public String toString() {
        String text = String.format(Locale.ROOT, "%s %.4f", param, importance);
        return interval.map(i -> text + String.format(Locale.ROOT, " [%.4f, %.4f]", i.lower(), i.upper()))
                .orElse(text);
    }
}
