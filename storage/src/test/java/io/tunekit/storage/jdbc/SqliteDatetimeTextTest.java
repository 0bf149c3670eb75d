package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The hand-written datetime text agrees with {@code DateTimeFormatter} on every text. */
class SqliteDatetimeTextTest {

    /** The reference: SQLAlchemy's layout as a formatter reads it. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Property(tries = 2000)
    void writesWhatTheFormatterWritesAndReadsItBack(
            @ForAll @IntRange(min = 1, max = 9999) int year,
            @ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 28) int day,
            @ForAll @IntRange(min = 0, max = 23) int hour,
            @ForAll @IntRange(min = 0, max = 59) int minute,
            @ForAll @IntRange(min = 0, max = 59) int second,
            @ForAll @IntRange(min = 0, max = 999_999) int micros) {
        LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        String text = SqliteDatetimeText.format(t);
        assertThat(text).isEqualTo(WRITE.format(t));
        assertThat(SqliteDatetimeText.parse(text)).isEqualTo(t);
    }

    @Test
    void readsEveryFractionLengthAndSeparatorAsTheFormatterDoes() {
        for (String text : new String[] {
            "2026-11-29 09:30:58",
            "2026-11-29 09:30:58.1",
            "2026-11-29 09:30:58.12",
            "2026-11-29 09:30:58.123",
            "2026-11-29 09:30:58.1234",
            "2026-11-29 09:30:58.12345",
            "2026-11-29 09:30:58.123456",
            "2026-11-29 09:30:58.",
            "2024-02-29 00:00:00",
            "2026-02-30 12:00:00", // the formatter's smart resolver moves it to the 28th
            "2026-11-29 24:00:00", // and this one to the next midnight
            "0001-01-01 00:00:00.000001"
        }) {
            assertThat(SqliteDatetimeText.parse(text)).as(text).isEqualTo(LocalDateTime.parse(text, READ));
        }
        assertThat(SqliteDatetimeText.parse(" 2026-11-29T09:30:58.5 "))
                .isEqualTo(LocalDateTime.of(2026, 11, 29, 9, 30, 58, 500_000_000));
    }

    @Test
    void refusesWhatTheFormatterRefuses() {
        for (String text : new String[] {
            "2026-13-01 00:00:00",
            "2026-11-29 09:60:00",
            "12026-01-01 00:00:00",
            "2026-11-29 09:30:58.1234567",
            "2026-11-29 09:30",
            "2026/11/29 09:30:58",
            "2026-11-29 09:30:5x",
            "0000-01-01 00:00:00",
            "yesterday"
        }) {
            assertThatThrownBy(() -> LocalDateTime.parse(text, READ))
                    .as(text)
                    .isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> SqliteDatetimeText.parse(text))
                    .as(text)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
