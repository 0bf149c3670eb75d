package io.tunekit.pruner;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;

/**
 * Decides whether a running trial should stop early, from its intermediate values and those of
 * the study's other trials. Implementations are thread-safe.
 */
public interface Pruner {

    /**
     * @param study the study (or the view {@link #samplerView} gives for this trial)
     * @param trial the latest snapshot of the running trial
     * @return whether the trial should be pruned
     */
    boolean prune(StudyView study, FrozenTrial trial);

    /**
     * The view of the study a sampler should use for this trial. Hyperband, for instance, shows
     * only the trials of the trial's bracket. Default: the study itself.
     */
    default StudyView samplerView(StudyView study, FrozenTrial trial) {
        return study;
    }
}
