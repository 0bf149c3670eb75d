package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * On PostgreSQL and MariaDB, the tables Tunekit creates are the tables Optuna 3.1 creates
 * (columns, types, nullability, defaults, enums, constraints, indexes), apart from the
 * {@code trials(study_id)} index that Optuna 3.2 added. Optuna makes its schema through
 * SQLAlchemy with Debian's python3-psycopg2 / python3-pymysql; skipped where they are missing.
 */
@Timeout(120)
class ServerSchemaTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void postgresTablesAreOptunas() throws Exception {
        assumePython("psycopg2");
        String url = ServerDatabases.postgresUrl();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String optuna = "optuna_ref_" + suffix;
        String tunekit = "tunekit_ref_" + suffix;
        try (Connection admin = DriverManager.getConnection(url);
                Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + optuna);
            s.execute("CREATE SCHEMA " + tunekit);
            try {
                URI u = URI.create(url.substring("jdbc:".length()));
                runOptuna("postgresql+psycopg2://" + param(u, "user") + "@" + u.getHost() + ":" + u.getPort()
                        + u.getPath() + "?options=-csearch_path%3D" + optuna);
                Storages.open(url + "&currentSchema=" + tunekit).close();
                for (String query : List.of(
                        "SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length, "
                                + "numeric_precision, replace(column_default, '%s.', '') FROM information_schema.columns "
                                + "WHERE table_schema = '%s' ORDER BY 1, 2",
                        "SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e "
                                + "ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace "
                                + "WHERE '%s' <> '' AND n.nspname = '%s' GROUP BY 1 ORDER BY 1",
                        "SELECT cl.relname, contype, replace(pg_get_constraintdef(c.oid), '%s.', '') "
                                + "FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid "
                                + "JOIN pg_namespace n ON n.oid = c.connamespace "
                                + "WHERE n.nspname = '%s' ORDER BY 1, 2, 3",
                        "SELECT tablename, indexname, replace(indexdef, '%s.', '') FROM pg_indexes WHERE schemaname = '%s' "
                                + "AND indexname <> 'ix_trials_study_id' ORDER BY 1, 2")) {
                    assertThat(rows(s, String.format(query, tunekit, tunekit)))
                            .as(query)
                            .isEqualTo(rows(s, String.format(query, optuna, optuna)))
                            .isNotEmpty();
                }
            } finally {
                s.execute("DROP SCHEMA " + optuna + " CASCADE");
                s.execute("DROP SCHEMA " + tunekit + " CASCADE");
            }
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void mariaDbTablesAreOptunas() throws Exception {
        assumePython("pymysql");
        String url = ServerDatabases.mysqlUrl();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String optuna = "optuna_ref_" + suffix;
        String tunekit = "tunekit_ref_" + suffix;
        try (Connection admin = DriverManager.getConnection(url);
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + optuna);
            s.execute("CREATE DATABASE " + tunekit);
            try {
                URI u = URI.create(url.substring("jdbc:".length()));
                runOptuna("mysql+pymysql://" + param(u, "user") + "@" + u.getHost() + ":" + u.getPort() + "/" + optuna);
                Storages.open(url.replace(u.getPath(), "/" + tunekit)).close();
                for (String query : List.of(
                        "SELECT table_name, column_name, column_type, is_nullable, column_default, extra "
                                + "FROM information_schema.columns WHERE table_schema = '%s' ORDER BY 1, 2",
                        "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints "
                                + "WHERE table_schema = '%s' ORDER BY 1, 2",
                        // MySQL indexes a foreign key column itself unless an index exists: Optuna 3.1 gets an
                        // implicit `study_id` index on trials, Tunekit its ix_trials_study_id
                        "SELECT table_name, index_name, non_unique, group_concat(column_name ORDER BY seq_in_index) "
                                + "FROM information_schema.statistics WHERE table_schema = '%s' AND NOT (table_name = 'trials' "
                                + "AND index_name IN ('study_id', 'ix_trials_study_id')) GROUP BY 1, 2, 3 ORDER BY 1, 2")) {
                    assertThat(rows(s, String.format(query, tunekit)))
                            .as(query)
                            .isEqualTo(rows(s, String.format(query, optuna)))
                            .isNotEmpty();
                }
            } finally {
                s.execute("DROP DATABASE " + optuna);
                s.execute("DROP DATABASE " + tunekit);
            }
        }
    }

    private static String param(URI u, String name) {
        for (String kv : u.getQuery().split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("the test URL " + u + " has no " + name);
    }

    private static void assumePython(String driver) throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", "import optuna, " + driver)
                .redirectErrorStream(true)
                .start();
        assumeTrue(
                p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "optuna and " + driver + " are not installed for " + PYTHON);
    }

    private static void runOptuna(String sqlalchemyUrl) throws Exception {
        Process p = new ProcessBuilder(
                        PYTHON,
                        "-c",
                        "import optuna; optuna.logging.set_verbosity(optuna.logging.ERROR); "
                                + "optuna.create_study(storage='" + sqlalchemyUrl + "', study_name='reference')")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
