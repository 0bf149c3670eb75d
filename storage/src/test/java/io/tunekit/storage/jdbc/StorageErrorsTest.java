package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import io.tunekit.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure of a storage call reaches the user as a {@link StorageException} saying what was
 * being done, on which study or trial, and why: never a driver's, the pool's or a parser's raw
 * exception, nor an internal type.
 */
class StorageErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptedTimestampNamesTheTrialAndTheValue() throws Exception {
        Path db = dir.resolve("corrupt.db");
        long study;
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            study = storage.createStudy("corrupt", List.of(Direction.MINIMIZE));
            FrozenTrial t = storage.createTrial(study, null, List.of()).orElseThrow();
            storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0));
        }
        SqliteFilesTest.sql(db, "UPDATE trials SET datetime_start = 'yesterday-ish'");
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            assertThatThrownBy(() -> storage.trials(study, EnumSet.allOf(TrialState.class)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("study " + study)
                    .hasMessageContaining("number 0")
                    .hasMessageContaining("yesterday-ish");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void anUnreachableOrUnknownPostgresDatabaseIsAStorageException() {
        unreachableAndUnknown(ServerDatabases.postgresUrl(), ":5432/", "jdbc:postgresql://127.0.0.1:1/");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void anUnreachableOrUnknownMariaDbDatabaseIsAStorageException() {
        unreachableAndUnknown(ServerDatabases.mysqlUrl(), ":3306/", "jdbc:mariadb://127.0.0.1:1/");
    }

    /** A wrong port and an unknown database, each a StorageException naming the URL. */
    private static void unreachableAndUnknown(String url, String port, String wrongPortDisplay) {
        assertThatThrownBy(() -> Storages.open(url.replaceFirst(port, ":1/")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot connect to " + wrongPortDisplay);
        assertThatThrownBy(() -> Storages.open(ServerDatabases.withDatabase(url, "tunekit_no_such_database")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("tunekit_no_such_database");
    }

    /**
     * On tables another tool created with MariaDB's case-insensitive default collation, keys
     * that differ only in case collide: the user gets a StorageException naming the write (and
     * is warned once, at open, about the collation).
     */
    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void caseInsensitiveTablesAreNamedOnceAndCollisionsAreStorageExceptions() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.mysqlUrl(), url -> {
            Storages.open(url).close();
            try (Connection c =
                            DriverManager.getConnection(StorageUrl.parse(url).jdbcUrl());
                    Statement s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String table : OptunaSchema.tableNames()) {
                    s.execute("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
                }
            }
            List<String> warnings = new ArrayList<>();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                        warnings.add(record.getMessage());
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            Logger logger = Logger.getLogger(JdbcStorage.class.getName());
            logger.addHandler(handler);
            try (Storage first = Storages.open(url);
                    Storage second = Storages.open(url)) {
                long study = first.createStudy("ci", List.of(Direction.MINIMIZE));
                assertThatThrownBy(() -> second.createTrial(
                                study,
                                FrozenTrial.builder()
                                        .state(TrialState.WAITING)
                                        .userAttr("lr", 1)
                                        .userAttr("LR", 2)
                                        .build(),
                                List.of()))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("create a trial in study " + study);
                assertThat(first.findStudy("CI"))
                        .as("findStudy is exact even there")
                        .isEmpty();
            } finally {
                logger.removeHandler(handler);
            }
            assertThat(warnings)
                    .as("said once per database")
                    .singleElement()
                    .asString()
                    .contains("utf8mb4_general_ci")
                    .contains("'Case' and 'case'");
        });
    }
}
