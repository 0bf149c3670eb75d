package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The log line's shape and the level the options choose. */
class CliLoggingTest {

    @Test
    void aLineIsTheLevelsInitialTheLocalTimeAndTheMessage() {
        Instant when = Instant.parse("2026-03-04T05:06:07.890Z");
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(LocalDateTime.ofInstant(when, ZoneId.systemDefault()));
        assertThat(CliLogging.line('W', when, "careful")).isEqualTo("[W " + local + "] careful");
    }

    @Test
    void recordsAreFormattedWithTheirParametersAndLevelInitial() {
        LogRecord r = new LogRecord(Level.WARNING, "replaced by [{0}, {1}]");
        r.setParameters(new Object[] {0, 9});
        r.setInstant(Instant.parse("2026-03-04T05:06:07Z"));
        String line = new CliLogging.LineFormatter().format(r);
        assertThat(line).startsWith("[W ").endsWith("] replaced by [0, 9]" + System.lineSeparator());
        assertThat(CliLogging.initial(Level.SEVERE)).isEqualTo('E');
        assertThat(CliLogging.initial(Level.INFO)).isEqualTo('I');
        assertThat(CliLogging.initial(Level.FINE)).isEqualTo('D');
    }

    @Test
    void quietShowsErrorsOnlyAndVerboseAlsoInfo() {
        assertThat(CliLogging.level("ask")).isEqualTo(Level.WARNING);
        assertThat(CliLogging.level("ask", "-q")).isEqualTo(Level.SEVERE);
        assertThat(CliLogging.level("--quiet", "ask")).isEqualTo(Level.SEVERE);
        assertThat(CliLogging.level("ask", "--verbose")).isEqualTo(Level.INFO);
    }
}
