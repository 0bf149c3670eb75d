package io.tunekit;

/** The life cycle of a trial: WAITING (enqueued) or RUNNING, then one of the finished states. */
public enum TrialState {
    RUNNING,
    COMPLETE,
    PRUNED,
    FAIL,
    WAITING;

    /** COMPLETE, PRUNED and FAIL are final: a finished trial never changes again. */
    public boolean isFinished() {
        return this != RUNNING && this != WAITING;
    }
}
