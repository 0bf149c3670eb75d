package io.tunekit;

/**
 * Thrown by an objective to end its trial as PRUNED, usually after {@link Trial#shouldPrune()}
 * returned true. The trial keeps its last reported intermediate value as its value.
 */
public class TrialPrunedException extends RuntimeException {

    /** A pruned-trial signal without a message. */
    public TrialPrunedException() {
        super("trial pruned", null, false, false);
    }

    /** A pruned-trial signal with a message saying why. */
    public TrialPrunedException(String message) {
        super(message, null, false, false);
    }
}
