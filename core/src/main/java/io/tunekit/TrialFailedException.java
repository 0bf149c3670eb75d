package io.tunekit;

/**
 * Carries a checked exception thrown by an objective out of {@link Study#optimize}. The trial it
 * ended is FAIL; {@link #getCause()} is what the objective threw.
 */
public class TrialFailedException extends RuntimeException {

    private final int trialNumber;

    /**
     * @param trialNumber the number of the failed trial
     * @param cause what the objective threw
     */
    public TrialFailedException(int trialNumber, Throwable cause) {
        super("Trial " + trialNumber + " failed: " + cause, cause);
        this.trialNumber = trialNumber;
    }

    /** The number of the failed trial. */
    public int trialNumber() {
        return trialNumber;
    }
}
