package io.tunekit.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after the command name ({@code tunekit --storage URL
 * trials ...} and {@code tunekit trials --storage URL ...} are the same), as in Optuna's CLI.
 */
public final class GlobalOptions {

    @Option(
            names = "--storage",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "Database URL, e.g. sqlite:///example.db, postgresql://user:pw@host/db, "
                    + "mysql+pymysql://user:pw@host/db or a jdbc: URL. "
                    + "Default: the TUNEKIT_STORAGE environment variable, else OPTUNA_STORAGE.")
    String storage;

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not just its message.")
    boolean debug;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log what the command does (asked and told trials, ...) on stderr.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Log nothing but errors on stderr (warnings such as a failed tell are hidden).")
    boolean quiet;
}
