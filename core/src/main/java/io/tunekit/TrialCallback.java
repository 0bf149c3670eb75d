package io.tunekit;

/** Called after a trial finished, with a snapshot of the finished trial. */
@FunctionalInterface
public interface TrialCallback {

    /**
     * @param study the study the trial belongs to
     * @param trial the finished trial as stored
     */
    void onTrialFinished(Study study, FrozenTrial trial);
}
