package io.tunekit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The log lines of {@code tunekit}: the library's own records (java.util.logging, the default
 * backend of {@link System.Logger}) and the commands' warnings, one line each on stderr, as
 * Optuna's CLI prints them ({@code [W 2026-01-02 10:00:00] message}, local time): warnings by
 * default, also info with {@code -v}, errors only with {@code -q}.
 *
 * <p>Configuring java.util.logging the usual way (the root logger's console handler and
 * {@code SimpleFormatter}) costs a command run in a shell loop a sixth of its start-up:
 * {@code SimpleFormatter} checks its format on a {@code ZonedDateTime}, which loads the time-zone
 * rules, {@code java.util.Formatter} and the locale data before anything is logged. So
 * {@link #configure} only names {@link Config} as java.util.logging's configuration class, which
 * runs when something first asks for a logger, and its handler formats with plain string
 * building. A user's own {@code java.util.logging.config.file} or {@code config.class} wins.
 */
final class CliLogging {

    /** The system property {@link Config} reads the level from. */
    static final String LEVEL_PROPERTY = "tunekit.cli.log-level";

    private CliLogging() {}

    /** The level the arguments ask for: {@code -q} errors only, {@code -v} also info, else warnings. */
    static Level level(String... args) {
        List<String> list = Arrays.asList(args);
        if (list.contains("-q") || list.contains("--quiet")) {
            return Level.SEVERE;
        }
        return list.contains("-v") || list.contains("--verbose") ? Level.INFO : Level.WARNING;
    }

    /**
     * Makes java.util.logging print Optuna-like lines at the level the arguments ask for, unless
     * the user configured it. Touches no logger: the configuration runs when one is first asked for.
     */
    static void configure(String... args) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        System.setProperty(LEVEL_PROPERTY, level(args).getName());
        System.setProperty("java.util.logging.config.class", Config.class.getName());
    }

    /**
     * One log line: {@code [W 2026-01-02 10:00:00] message}, the level's initial and the local
     * time to the second, as Optuna's default log format has them.
     */
    static String line(char level, Instant when, String message) {
        LocalDateTime t = LocalDateTime.ofInstant(when, ZoneId.systemDefault());
        StringBuilder s = new StringBuilder(message.length() + 24)
                .append('[')
                .append(level)
                .append(' ');
        s.append(t.getYear()).append('-');
        twoDigits(s, t.getMonthValue()).append('-');
        twoDigits(s, t.getDayOfMonth()).append(' ');
        twoDigits(s, t.getHour()).append(':');
        twoDigits(s, t.getMinute()).append(':');
        twoDigits(s, t.getSecond());
        return s.append("] ").append(message).toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append(value < 10 ? "0" : "").append(value);
    }

    /** The initial java.util.logging's level names start with, as Optuna's {@code %(levelname)1.1s}. */
    static char initial(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return 'E';
        }
        if (v >= Level.WARNING.intValue()) {
            return 'W';
        }
        return v >= Level.INFO.intValue() ? 'I' : 'D';
    }

    /**
     * java.util.logging's configuration class for {@code tunekit} (named by {@link #configure});
     * public with a public constructor because {@code LogManager} instantiates it by reflection.
     * Sets the root logger's level and gives it one handler, on stderr, with {@link LineFormatter}.
     */
    public static final class Config {
        /** Configures the root logger; run by {@code LogManager} when it starts. */
        public Config() {
            Level level = Level.parse(System.getProperty(LEVEL_PROPERTY, Level.WARNING.getName()));
            Logger root = Logger.getLogger("");
            for (var handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            StreamHandler stderr = new StderrHandler();
            stderr.setLevel(level);
            root.addHandler(stderr);
            root.setLevel(level);
        }
    }

    /** Writes each record to stderr at once (a {@code StreamHandler} alone would buffer it). */
    private static final class StderrHandler extends StreamHandler {
        StderrHandler() {
            super(System.err, new LineFormatter());
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush(); // never close System.err
        }
    }

    /** {@link #line} for a log record, with the stack trace of its exception if it has one. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder s =
                    new StringBuilder(line(initial(record.getLevel()), record.getInstant(), formatMessage(record)));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                s.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            }
            return s.append(System.lineSeparator()).toString();
        }
    }
}
