package io.tunekit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a list of studies shows about one study, as Optuna's {@code StudySummary}. Made by
 * {@link Studies#summaries}.
 *
 * @param studyId the study's id in its storage
 * @param name the study's name
 * @param directions one direction per objective
 * @param bestTrial the trial {@link Study#bestTrial()} returns: the best feasible COMPLETE trial
 *     of a single-objective study (lowest number on ties); empty for a multi-objective study or
 *     when no feasible trial is complete
 * @param userAttrs the study's user attributes
 * @param trialCount the number of trials in every state
 * @param datetimeStart the earliest start of any trial; empty if none has started
 */
public record StudySummary(
        long studyId,
        String name,
        List<Direction> directions,
        Optional<FrozenTrial> bestTrial,
        Map<String, Object> userAttrs,
        int trialCount,
        Optional<Instant> datetimeStart) {

    /** Copies the collections. */
    public StudySummary {
        directions = List.copyOf(directions);
        userAttrs = Map.copyOf(userAttrs);
    }
}
