package io.tunekit.examples;

import picocli.CommandLine;

/** Runs an example's picocli command as a program's {@code main}. */
public final class ExampleMain {

    private ExampleMain() {}

    /**
     * Parses {@code args} into {@code command}, runs it, and exits the JVM with the command's
     * status if it is not 0 (picocli has printed the usage or the error by then). On success it
     * returns, so that the dispatcher and tests may go on.
     */
    public static void run(Object command, String[] args) {
        int code = new CommandLine(command).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
