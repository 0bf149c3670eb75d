package io.tunekit.cli;

/**
 * The exit statuses of {@code tunekit}, one per kind of failure, so that a script can tell "no
 * such study" from "the database is down". Listed in every command's {@code --help}.
 */
public enum ExitCode {
    /** The command did what it was asked. */
    OK(0, "success"),
    /** A failure Tunekit did not foresee (a bug): run again with --debug for the stack trace. */
    INTERNAL(1, "unexpected internal error (rerun with --debug for the stack trace)"),
    /** A bad option or value: unknown option, malformed URL, JSON that does not parse. */
    USAGE(2, "bad usage: unknown option, missing or malformed value (URL, JSON, number)"),
    /** The study, trial or parameter named does not exist. */
    NOT_FOUND(3, "the named study, trial or parameter does not exist"),
    /** The request contradicts the stored state: the study exists, the trial is finished. */
    CONFLICT(4, "conflict with the stored state: study exists, trial already finished, search space exhausted"),
    /** The storage cannot be opened, read or written. */
    STORAGE(5, "the storage cannot be opened, read or written (missing file, no permission, server down)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** What the status means, as the help lists it. */
    public String meaning() {
        return meaning;
    }
}
