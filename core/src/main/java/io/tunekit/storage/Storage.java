package io.tunekit.storage;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where studies and trials live. Several threads, processes and machines may share one storage;
 * every state change a race could break is <em>one atomic operation</em> here: creating a trial
 * with the next number (optionally under {@link CreationGuard}s), popping a WAITING trial,
 * finishing a RUNNING trial, compare-and-set of a study system attribute, failing stale trials.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>trial numbers of a study are 0..N-1 in creation order, without gap or duplicate;</li>
 *   <li>a finished trial never changes; a write to it throws {@link IllegalStateException};</li>
 *   <li>a parameter's distribution must be compatible ({@link Distribution#requireCompatible})
 *       with the first distribution stored under that name in the study;</li>
 *   <li>attribute values are JSON values ({@code null}, Boolean, Number, String, List, Map with
 *       String keys, nested freely), kept as normalised immutable copies; snapshots are
 *       immutable;</li>
 *   <li>unknown studies throw {@link UnknownStudyException}, unknown trials
 *       {@link IllegalArgumentException}; infrastructure failures {@link StorageException}.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface Storage extends AutoCloseable {

    // ---- studies ----

    /**
     * Creates a study.
     *
     * @return its id
     * @throws DuplicatedStudyException if the name is taken
     */
    long createStudy(String name, List<Direction> directions);

    /** The id of the study with this name, if there is one. */
    OptionalLong findStudy(String name);

    /** The study's name. */
    String studyName(long studyId);

    /** The study's directions, one per objective. */
    List<Direction> studyDirections(long studyId);

    /** The names of all studies, in creation order. */
    List<String> studyNames();

    /** Deletes the study with all its trials. */
    void deleteStudy(long studyId);

    /** The study's user attributes. */
    Map<String, Object> studyUserAttrs(long studyId);

    /** The study's system attributes. */
    Map<String, Object> studySystemAttrs(long studyId);

    /** Sets a study user attribute (JSON value). */
    void setStudyUserAttr(long studyId, String key, Object value);

    /** Sets a study system attribute (JSON value). */
    void setStudySystemAttr(long studyId, String key, Object value);

    /**
     * Atomically sets the study system attribute {@code key} to {@code value} if its current
     * value equals {@code expected}, where {@code expected == null} means "the key is absent".
     * Values compare as JSON values (numbers by value).
     *
     * @return whether the value was set
     */
    boolean compareAndSetStudySystemAttr(long studyId, String key, Object expected, Object value);

    // ---- trials ----

    /**
     * Atomically creates a trial with the next number, if every guard holds.
     *
     * @param template {@code null} for a new RUNNING trial started now; otherwise a trial whose
     *     state, values, datetimes, params, attributes and intermediate values are copied (its
     *     number and id are ignored)
     * @param guards conditions checked in the same atomic step; may be empty
     * @return the created trial, or empty if a guard refused
     */
    Optional<FrozenTrial> createTrial(long studyId, FrozenTrial template, List<CreationGuard> guards);

    /**
     * Atomically moves the oldest WAITING trial of the study to RUNNING (start time now). Each
     * waiting trial is popped by exactly one caller.
     */
    Optional<FrozenTrial> popWaitingTrial(long studyId);

    /**
     * Stores a parameter of an unfinished trial.
     *
     * @throws IllegalArgumentException if the distribution is not compatible with the first one
     *     stored under this name in the study, or the trial already has this parameter
     * @throws IllegalStateException if the trial is finished
     */
    void setTrialParam(long trialId, String name, double internalValue, Distribution distribution);

    /** Stores (or overwrites) the intermediate value of an unfinished trial at a step. */
    void setTrialIntermediateValue(long trialId, int step, double value);

    /** Sets a user attribute of an unfinished trial. */
    void setTrialUserAttr(long trialId, String key, Object value);

    /** Sets a system attribute of an unfinished trial. */
    void setTrialSystemAttr(long trialId, String key, Object value);

    /**
     * Atomically moves a RUNNING trial to a finished state with its values (empty for none) and
     * sets its completion time.
     *
     * @return true if this call finished the trial; false if it was already finished (by another
     *     worker or a stale-trial sweep), in which case nothing changed
     * @throws IllegalArgumentException if {@code state} is not a finished state
     * @throws IllegalStateException if the trial is WAITING
     */
    boolean finishTrial(long trialId, TrialState state, List<Double> values);

    /** A snapshot of one trial. */
    FrozenTrial trial(long trialId);

    /** The id of the trial with this number in the study. */
    long trialId(long studyId, int number);

    /** Snapshots of the study's trials in the given states, ordered by number. */
    List<FrozenTrial> trials(long studyId, Set<TrialState> states);

    /** The number of trials the study holds, in every state. */
    int trialCount(long studyId);

    // ---- heartbeats (optional) ----

    /**
     * The heartbeat interval, if this storage records heartbeats. When it does, each worker
     * records a heartbeat for its running trial at this interval, and any worker may fail trials
     * whose heartbeat is too old ({@link #failStaleTrials}).
     */
    default Optional<Duration> heartbeatInterval() {
        return Optional.empty();
    }

    /** Records that the worker running this trial is alive. */
    default void recordHeartbeat(long trialId) {}

    /**
     * Fails the study's RUNNING trials whose last heartbeat is older than the grace period.
     * Each stale trial is failed exactly once, even when several workers sweep at the same time.
     *
     * @return the trials this call failed
     */
    default List<FrozenTrial> failStaleTrials(long studyId) {
        return List.of();
    }

    /** Releases connections and threads; the default does nothing. */
    @Override
    default void close() {}
}
