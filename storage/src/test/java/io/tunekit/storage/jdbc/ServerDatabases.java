package io.tunekit.storage.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The database servers the CI script starts; tests that need one are skipped where its URL is unset. */
final class ServerDatabases {

    static final String POSTGRES_ENV = "TUNEKIT_TEST_POSTGRES_URL";
    static final String MYSQL_ENV = "TUNEKIT_TEST_MYSQL_URL";

    private ServerDatabases() {}

    static String postgresUrl() {
        return System.getenv(POSTGRES_ENV);
    }

    static String mysqlUrl() {
        return System.getenv(MYSQL_ENV);
    }

    /** Drops Optuna's tables (and PostgreSQL's enum types), so the next storage starts empty. */
    static void reset(String url) throws SQLException {
        StorageUrl parsed = StorageUrl.parse(url);
        try (Connection c = DriverManager.getConnection(parsed.jdbcUrl());
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>(OptunaSchema.tableNames());
            Collections.reverse(tables);
            if (parsed.dialect() == Dialect.MYSQL) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table + (parsed.dialect() == Dialect.POSTGRESQL ? " CASCADE" : ""));
            }
            if (parsed.dialect() == Dialect.POSTGRESQL) {
                for (String type :
                        List.of("studydirection", "trialstate", "trialvaluetype", "trialintermediatevaluetype")) {
                    s.execute("DROP TYPE IF EXISTS " + type);
                }
            }
        }
    }
}
