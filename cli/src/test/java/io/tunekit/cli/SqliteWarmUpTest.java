package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the SQLite warm-up starts: only for a storage that may be SQLite. */
class SqliteWarmUpTest {

    @Test
    void anOptionOrAVariableNamingSqliteStartsIt() {
        assertThat(SqliteWarmUp.namesSqlite(Map.of(), "trials", "--storage", "sqlite:///a.db"))
                .isTrue();
        assertThat(SqliteWarmUp.namesSqlite(Map.of(), "trials", "--storage=jdbc:sqlite:a.db"))
                .isTrue();
        assertThat(SqliteWarmUp.namesSqlite(Map.of("TUNEKIT_STORAGE", "SQLITE:///a.db"), "ask"))
                .isTrue();
        assertThat(SqliteWarmUp.namesSqlite(Map.of("OPTUNA_STORAGE", "sqlite:///a.db"), "ask"))
                .isTrue();
    }

    @Test
    void otherStoragesDoNot() {
        assertThat(SqliteWarmUp.namesSqlite(Map.of(), "--version")).isFalse();
        assertThat(SqliteWarmUp.namesSqlite(
                        Map.of("TUNEKIT_STORAGE", "postgresql://u@h/db"), "trials", "--study-name", "sqlite"))
                .isFalse();
    }
}
