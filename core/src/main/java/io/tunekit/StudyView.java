package io.tunekit;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What samplers and pruners see of a study: its trials and attributes, plus the few writes they
 * are allowed (trial system attributes, an atomic study attribute update, stopping the loop).
 * A pruner may hand samplers a filtered view ({@link io.tunekit.pruner.Pruner#samplerView}).
 */
public interface StudyView {

    /** The study's name. */
    String name();

    /** One direction per objective. */
    List<Direction> directions();

    /** Snapshots of the trials in the given states, ordered by number. */
    List<FrozenTrial> trials(Set<TrialState> states);

    /** Snapshots of every trial, ordered by number. */
    default List<FrozenTrial> trials() {
        return trials(EnumSet.allOf(TrialState.class));
    }

    /** The study's system attributes. */
    Map<String, Object> systemAttrs();

    /**
     * Atomically sets a study system attribute if its current value equals {@code expected}
     * ({@code null}: absent). See {@link io.tunekit.storage.Storage#compareAndSetStudySystemAttr}.
     */
    boolean compareAndSetSystemAttr(String key, Object expected, Object value);

    /** Sets a system attribute of an unfinished trial of this study. */
    void setTrialSystemAttr(FrozenTrial trial, String key, Object value);

    /** Asks a running {@code optimize} loop to start no new trial; a no-op outside one. */
    void stop();

    /** Whether the study has a single objective. */
    default boolean isSingleObjective() {
        return directions().size() == 1;
    }

    /**
     * The best COMPLETE trial of a single-objective study: among feasible trials when constraints
     * are set; the lowest number wins a tie.
     */
    default Optional<FrozenTrial> bestTrial() {
        return BestTrials.best(directions(), trials(EnumSet.of(TrialState.COMPLETE)));
    }
}
