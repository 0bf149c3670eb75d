package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** A storage keeps working after the server drops its connections. */
class ReconnectTest {

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void postgresConnectionsKilledByTheServer() throws Exception {
        ServerDatabases.inOwnDatabase(
                ServerDatabases.postgresUrl(),
                url -> survivesKilledConnections(
                        url,
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                                + "AND pid <> pg_backend_pid() AND application_name = 'PostgreSQL JDBC Driver'"));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void mariaDbConnectionsKilledByTheServer() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.mysqlUrl(), url -> survivesKilledConnections(url, null));
    }

    private static void survivesKilledConnections(String url, String killSql) throws Exception {
        String name = "reconnect-" + UUID.randomUUID();
        try (JdbcStorage storage = Storages.open(url)) {
            long study = storage.createStudy(name, List.of(Direction.MINIMIZE));
            storage.finishTrial(
                    storage.createTrial(study, null, List.of()).orElseThrow().id(), TrialState.COMPLETE, List.of(1.0));
            int killed = killOthers(url, killSql);
            assertThat(killed).as("connections killed").isPositive();
            FrozenTrial t = storage.createTrial(study, null, List.of()).orElseThrow();
            assertThat(t.number()).isEqualTo(1);
            assertThat(storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(2.0)))
                    .isTrue();
            assertThat(storage.trials(study, EnumSet.allOf(TrialState.class))).hasSize(2);
            storage.deleteStudy(study);
        }
    }

    private static int killOthers(String url, String killSql) throws Exception {
        int killed = 0;
        try (Connection c = DriverManager.getConnection(StorageUrl.parse(url).jdbcUrl());
                Statement s = c.createStatement()) {
            if (killSql != null) {
                try (ResultSet rs = s.executeQuery(killSql)) {
                    while (rs.next()) {
                        killed++;
                    }
                }
                return killed;
            }
            List<Long> ids = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist "
                    + "WHERE db = DATABASE() AND id <> CONNECTION_ID() AND command = 'Sleep'")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                s.execute("KILL " + id);
                killed++;
            }
        }
        return killed;
    }
}
