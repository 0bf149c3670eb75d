package io.tunekit.storage.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database servers the CI script starts; tests that need one are skipped where its URL is
 * unset. The URL names a server and a database to connect to for administration only: every
 * test creates a database of its own ({@code tunekit_test_<random>}) and drops it at the end, so
 * no test touches a table it did not create.
 */
final class ServerDatabases {

    static final String POSTGRES_ENV = "TUNEKIT_TEST_POSTGRES_URL";
    static final String MYSQL_ENV = "TUNEKIT_TEST_MYSQL_URL";

    private static final Pattern DATABASE = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([^?]*)(.*)$");

    private ServerDatabases() {}

    static String postgresUrl() {
        return System.getenv(POSTGRES_ENV);
    }

    static String mysqlUrl() {
        return System.getenv(MYSQL_ENV);
    }

    /** The same server URL naming another database. */
    static String withDatabase(String serverUrl, String database) {
        Matcher m = DATABASE.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("the test URL " + serverUrl + " does not name a database");
        }
        return m.group(1) + database + m.group(3);
    }

    /** The database a server URL names. */
    static String databaseOf(String serverUrl) {
        Matcher m = DATABASE.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("the test URL " + serverUrl + " does not name a database");
        }
        return m.group(2);
    }

    /** A test body that works on a database URL. */
    @FunctionalInterface
    interface DatabaseTest {
        void run(String url) throws Exception;
    }

    /** Runs {@code test} on a database of its own on the server of {@code serverUrl}, dropped afterwards. */
    static void inOwnDatabase(String serverUrl, DatabaseTest test) throws Exception {
        try (TestDatabase database = TestDatabase.create(serverUrl)) {
            test.run(database.url());
        }
    }

    /** A database of a test's own on the server; dropped by {@link #close}. */
    static final class TestDatabase implements AutoCloseable {
        private final String serverUrl;
        private final String name;
        private final String url;

        private TestDatabase(String serverUrl, String name) {
            this.serverUrl = serverUrl;
            this.name = name;
            this.url = withDatabase(serverUrl, name);
        }

        /** Creates an empty database {@code tunekit_test_<random>} on the server of {@code serverUrl}. */
        static TestDatabase create(String serverUrl) throws SQLException {
            String name = "tunekit_test_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            admin(serverUrl, "CREATE DATABASE " + name);
            return new TestDatabase(serverUrl, name);
        }

        /** The storage URL of this database. */
        String url() {
            return url;
        }

        String name() {
            return name;
        }

        /** Drops the Optuna tables this test created in its database, so the next storage starts empty. */
        void reset() throws SQLException {
            StorageUrl parsed = StorageUrl.parse(url);
            try (Connection c = DriverManager.getConnection(parsed.jdbcUrl());
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>(OptunaSchema.tableNames());
                Collections.reverse(tables);
                boolean postgres = parsed.dialect() == Dialect.POSTGRESQL;
                if (!postgres) {
                    s.execute("SET FOREIGN_KEY_CHECKS = 0");
                }
                for (String table : tables) {
                    s.execute("DROP TABLE IF EXISTS " + table + (postgres ? " CASCADE" : ""));
                }
                if (postgres) {
                    for (String type :
                            List.of("studydirection", "trialstate", "trialvaluetype", "trialintermediatevaluetype")) {
                        s.execute("DROP TYPE IF EXISTS " + type);
                    }
                }
            }
        }

        @Override
        public void close() throws SQLException {
            boolean postgres = StorageUrl.parse(serverUrl).dialect() == Dialect.POSTGRESQL;
            admin(serverUrl, "DROP DATABASE IF EXISTS " + name + (postgres ? " WITH (FORCE)" : ""));
        }

        private static void admin(String serverUrl, String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(
                            StorageUrl.parse(serverUrl).jdbcUrl());
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
