package io.tunekit.cli;

/**
 * A failure the command reports as one line on stderr with the exit status of its kind; the
 * message is complete on its own (it names the value and the rule).
 */
public final class CliException extends RuntimeException {

    private final ExitCode exitCode;

    /**
     * @param exitCode the kind of failure
     * @param message the line printed on stderr
     */
    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param exitCode the kind of failure
     * @param message the line printed on stderr
     * @param cause what went wrong underneath (shown with --debug)
     */
    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The kind of failure. */
    public ExitCode exitCode() {
        return exitCode;
    }
}
