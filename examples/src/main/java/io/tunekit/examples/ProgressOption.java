package io.tunekit.examples;

import picocli.CommandLine.Option;

/** The {@code --progress/--no-progress} option of the examples that call {@code optimize}. */
public final class ProgressOption {

    @Option(
            names = "--progress",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "draw a progress line while optimize runs, on a terminal only (default: ${DEFAULT-VALUE})")
    private boolean show;

    /** Whether to draw the progress line. */
    public boolean show() {
        return show;
    }
}
