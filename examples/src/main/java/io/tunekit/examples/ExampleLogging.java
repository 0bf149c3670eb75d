package io.tunekit.examples;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Console logging for the example programs: one line per record (the JDK default takes two),
 * and the connection pool's start/stop lines hidden. A user's own
 * {@code java.util.logging.config.file} wins over both.
 */
public final class ExampleLogging {

    // Held so the configured level is not lost when the logger would be garbage-collected.
    private static final Logger CONNECTION_POOL = Logger.getLogger("com.zaxxer.hikari");

    private ExampleLogging() {}

    /**
     * Configures logging before the first record is written.
     *
     * @param prefix text put before every message, e.g. {@code "worker 3 "}; may be empty
     */
    public static void configure(String prefix) {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty(
                "java.util.logging.SimpleFormatter.format", "[%1$tT] " + prefix.replace("%", "%%") + "%4$s %5$s%6$s%n");
        CONNECTION_POOL.setLevel(Level.WARNING);
    }
}
