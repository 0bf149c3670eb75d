package io.tunekit;

import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Study management across any {@link Storage}, as Optuna's module-level functions
 * ({@code get_all_study_summaries}, {@code delete_study}, {@code copy_study}): summaries of
 * every study, deletion, and copying, also between different kinds of storage (e.g. memory to
 * SQLite).
 */
public final class Studies {

    private Studies() {}

    /**
     * A summary of every study in the storage, in creation order. The best trial follows the
     * same rule as {@link Study#bestTrial()} (feasible COMPLETE trials only).
     */
    public static List<StudySummary> summaries(Storage storage) {
        List<StudySummary> out = new ArrayList<>();
        for (String name : storage.studyNames()) {
            OptionalLong found = storage.findStudy(name);
            if (found.isEmpty()) {
                continue; // deleted meanwhile
            }
            long id = found.getAsLong();
            List<Direction> directions = storage.studyDirections(id);
            List<FrozenTrial> trials = storage.trials(id, EnumSet.allOf(TrialState.class));
            Instant start = null;
            List<FrozenTrial> complete = new ArrayList<>();
            for (FrozenTrial t : trials) {
                if (t.datetimeStart() != null
                        && (start == null || t.datetimeStart().isBefore(start))) {
                    start = t.datetimeStart();
                }
                if (t.state() == TrialState.COMPLETE) {
                    complete.add(t);
                }
            }
            Optional<FrozenTrial> best =
                    directions.size() == 1 ? BestTrials.best(directions, complete) : Optional.empty();
            out.add(new StudySummary(
                    id, name, directions, best, storage.studyUserAttrs(id), trials.size(), Optional.ofNullable(start)));
        }
        return List.copyOf(out);
    }

    /**
     * Deletes a study with all its trials.
     *
     * @throws UnknownStudyException if there is no study of that name
     */
    public static void delete(Storage storage, String name) {
        storage.deleteStudy(require(storage, name));
    }

    /**
     * Copies a study under the same name into another storage; see
     * {@link #copy(Storage, String, Storage, String)}.
     *
     * @return the id of the new study in {@code to}
     */
    public static long copy(Storage from, String name, Storage to) {
        return copy(from, name, to, name);
    }

    /**
     * Copies a study into another storage (or the same one under another name), as Optuna's
     * {@code copy_study}: the same directions, the system then user attributes, then every trial
     * in number order with everything it holds. Numbers are reassigned 0..N-1 in the target;
     * unfinished trials are copied as they are.
     *
     * @return the id of the new study in {@code to}
     * @throws UnknownStudyException if the source has no such study
     * @throws DuplicatedStudyException if the target already has a study named {@code toName}
     */
    public static long copy(Storage from, String fromName, Storage to, String toName) {
        long source = require(from, fromName);
        if (toName == null || toName.isEmpty()) {
            throw new IllegalArgumentException("toName must be a non-empty study name, got " + toName);
        }
        long target;
        try {
            target = to.createStudy(toName, from.studyDirections(source));
        } catch (DuplicatedStudyException e) {
            throw new DuplicatedStudyException(
                    toName,
                    "Cannot copy study '" + fromName + "': the target storage already has a study named '" + toName
                            + "' (delete it first with Studies.delete, or copy under another name)");
        }
        for (Map.Entry<String, Object> e : from.studySystemAttrs(source).entrySet()) {
            to.setStudySystemAttr(target, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : from.studyUserAttrs(source).entrySet()) {
            to.setStudyUserAttr(target, e.getKey(), e.getValue());
        }
        for (FrozenTrial t : from.trials(source, EnumSet.allOf(TrialState.class))) {
            to.createTrial(target, t, List.of());
        }
        return target;
    }

    private static long require(Storage storage, String name) {
        return storage.findStudy(name).orElseThrow(() -> new UnknownStudyException("named '" + name + "'"));
    }
}
