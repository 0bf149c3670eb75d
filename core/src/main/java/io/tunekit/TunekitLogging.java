package io.tunekit;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tunekit's log verbosity in one call, like Optuna's {@code optuna.logging.set_verbosity}:
 * {@code TunekitLogging.setVerbosity(System.Logger.Level.WARNING)} keeps the warnings and drops
 * the one line per finished trial. Tunekit logs through {@link System.Logger}, whose default
 * backend is {@code java.util.logging}; this sets the level of the {@code io.tunekit} logger
 * there. An application that routes {@code System.Logger} elsewhere (SLF4J and Logback through
 * {@code org.slf4j:slf4j-jdk-platform-logging}) sets the level of {@code io.tunekit} in that
 * backend's configuration instead.
 */
public final class TunekitLogging {

    /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its level. */
    private static final Logger TUNEKIT = Logger.getLogger("io.tunekit");

    private TunekitLogging() {}

    /**
     * Logs only messages at {@code level} or above from every Tunekit logger.
     *
     * @param level e.g. {@code WARNING} to drop the per-trial INFO lines, {@code OFF} for silence,
     *     {@code INFO} for the default
     */
    public static void setVerbosity(System.Logger.Level level) {
        TUNEKIT.setLevel(
                switch (level) {
                    case ALL -> Level.ALL;
                    case TRACE -> Level.FINER;
                    case DEBUG -> Level.FINE;
                    case INFO -> Level.INFO;
                    case WARNING -> Level.WARNING;
                    case ERROR -> Level.SEVERE;
                    case OFF -> Level.OFF;
                });
    }
}
