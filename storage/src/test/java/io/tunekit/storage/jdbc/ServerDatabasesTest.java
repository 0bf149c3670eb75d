package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The server tests' databases: a test works in a database of its own and never touches the
 * database its URL names. Here the "named" database holds a study; a test database is created
 * from its URL, emptied and dropped, and the study is still there.
 */
class ServerDatabasesTest {

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void postgresTestsLeaveTheNamedDatabaseAlone() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.postgresUrl(), ServerDatabasesTest::leavesItAlone);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void mariaDbTestsLeaveTheNamedDatabaseAlone() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.mysqlUrl(), ServerDatabasesTest::leavesItAlone);
    }

    private static void leavesItAlone(String named) throws Exception {
        try (JdbcStorage storage = Storages.open(named)) {
            storage.createStudy("keep", List.of(Direction.MINIMIZE));
        }
        String testUrl;
        try (ServerDatabases.TestDatabase database = ServerDatabases.TestDatabase.create(named)) {
            testUrl = database.url();
            assertThat(ServerDatabases.databaseOf(testUrl))
                    .startsWith("tunekit_test_")
                    .isNotEqualTo(ServerDatabases.databaseOf(named));
            try (JdbcStorage storage = Storages.open(testUrl)) {
                storage.createStudy("scratch", List.of(Direction.MINIMIZE));
            }
            database.reset();
        }
        try (JdbcStorage storage = Storages.open(named)) {
            assertThat(storage.studyNames()).containsExactly("keep");
        }
    }
}
