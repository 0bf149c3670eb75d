package io.tunekit.sampler;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.storage.CreationGuard;
import java.util.List;
import java.util.Map;

/**
 * Proposes parameter values. When a study is built or loaded with the sampler,
 * {@link #checkStudy} may refuse it. Then Optuna's contract and call order, for one trial:
 * <ol>
 *   <li>{@link #creationGuards} before the trial is created (limits such as grid exhaustion);</li>
 *   <li>{@link #beforeTrial} once the trial exists;</li>
 *   <li>at the first suggestion that needs a sampler, once per trial:
 *       {@link #inferRelativeSearchSpace} then {@link #sampleRelative} (joint sampling);</li>
 *   <li>{@link #sampleIndependent} for every parameter the relative step did not cover;</li>
 *   <li>{@link #afterTrial} when the trial is told, before its final state is stored.</li>
 * </ol>
 * Values cross this interface in their <em>internal representation</em> (see
 * {@link Distribution}). Implementations are thread-safe: one sampler serves all worker threads
 * of a study. Samplers ignore FAIL trials.
 */
public interface Sampler {

    /**
     * Called when a study is built or loaded with this sampler, before it runs any trial: a
     * sampler that cannot serve such a study (e.g. a single-objective method and several
     * directions) throws here, not at the first suggestion. Default: every study is fine.
     *
     * @param studyName the study's name, for the message
     * @param directions the study's directions
     * @throws UnsupportedOperationException if the sampler cannot serve the study
     */
    default void checkStudy(String studyName, List<Direction> directions) {}

    /**
     * The parameters to sample jointly for this trial. Default: none, for samplers that sample
     * each parameter on its own.
     */
    default Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        return Map.of();
    }

    /** Joint internal values for (a subset of) the relative search space. Default: none. */
    default Map<String, Double> sampleRelative(
            StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        return Map.of();
    }

    /** An internal value for one parameter. */
    double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution);

    /** Called once a trial exists, before any suggestion. */
    default void beforeTrial(StudyView study, FrozenTrial trial) {}

    /** Called when a trial is told, before its final state is stored (it is still RUNNING). */
    default void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {}

    /**
     * Conditions the storage checks atomically when it creates a new trial for this sampler
     * (popped WAITING trials are not subject to them). Default: none.
     */
    default List<CreationGuard> creationGuards(StudyView study) {
        return List.of();
    }
}
