package io.tunekit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects what Tunekit logs to a JDK logger while a test runs ("LEVEL message" per line). */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String line = r.getLevel() + " " + new SimpleFormatter().formatMessage(r);
            lines.add(line);
            synchronized (LogCapture.this) {
                LogCapture.this.notifyAll();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        logger.addHandler(handler);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits (up to a minute, so a slow machine never fails the test) until a line matches. */
    String await(Predicate<String> matches) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        synchronized (this) {
            while (System.nanoTime() < end) {
                for (String line : lines()) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
                wait(100);
            }
        }
        throw new AssertionError("no matching log line in " + lines());
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
