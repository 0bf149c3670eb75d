package io.tunekit.storage.jdbc;

import io.tunekit.storage.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Optuna's relational schema (Alembic head {@code v3.2.0.a}, schema version 12): the twelve
 * tables plus {@code alembic_version}, rendered for each dialect as SQLAlchemy renders them, and
 * the version rules for opening a database.
 *
 * <p>A new database gets every table, {@code version_info (1, 12, 'tunekit <version>')} and
 * {@code alembic_version 'v3.2.0.a'}. An existing one is used only at {@code v3.0.0.d} (Optuna
 * 3.0/3.1) or {@code v3.2.0.a} (Optuna 3.2 to 5.0) and is never re-stamped; the only thing added
 * to it is a missing {@code trial_heartbeats} table, as Optuna itself does on every open.
 */
final class OptunaSchema {

    /** The Alembic revision of a database Tunekit creates. */
    static final String HEAD = "v3.2.0.a";
    /** The revisions whose tables Tunekit reads and writes unchanged. */
    static final Set<String> SUPPORTED = Set.of("v3.0.0.d", HEAD);

    static final int SCHEMA_VERSION = 12;

    private enum Type {
        PK,
        INT,
        FLOAT,
        DATETIME,
        TEXT,
        VARCHAR,
        ENUM
    }

    private record Column(String name, Type type, boolean notNull, int length, String enumName, List<String> values) {
        static Column of(String name, Type type, boolean notNull) {
            return new Column(name, type, notNull, 0, null, List.of());
        }

        static Column varchar(String name, int length, boolean notNull) {
            return new Column(name, Type.VARCHAR, notNull, length, null, List.of());
        }

        static Column enumeration(String name, String enumName, List<String> values) {
            return new Column(name, Type.ENUM, true, 0, enumName, values);
        }
    }

    private record Table(
            String name, List<Column> columns, String pk, List<String> constraints, List<String[]> fks, String index) {}

    private static final List<String> DIRECTIONS = List.of("NOT_SET", "MINIMIZE", "MAXIMIZE");
    private static final List<String> STATES = List.of("RUNNING", "COMPLETE", "PRUNED", "FAIL", "WAITING");
    private static final List<String> VALUE_TYPES = List.of("FINITE", "INF_POS", "INF_NEG");
    private static final List<String> INTERMEDIATE_TYPES = List.of("FINITE", "INF_POS", "INF_NEG", "NAN");

    /** In creation order (parents first). */
    private static final List<Table> TABLES = List.of(
            new Table(
                    "studies",
                    List.of(Column.of("study_id", Type.PK, true), Column.varchar("study_name", 512, true)),
                    "study_id",
                    List.of(),
                    List.of(),
                    null),
            new Table(
                    "version_info",
                    List.of(
                            Column.of("version_info_id", Type.INT, true),
                            Column.of("schema_version", Type.INT, false),
                            Column.varchar("library_version", 256, false)),
                    "version_info_id",
                    List.of("CHECK (version_info_id=1)"),
                    List.of(),
                    null),
            new Table(
                    "study_directions",
                    List.of(
                            Column.of("study_direction_id", Type.PK, true),
                            Column.enumeration("direction", "studydirection", DIRECTIONS),
                            Column.of("study_id", Type.INT, true),
                            Column.of("objective", Type.INT, true)),
                    "study_direction_id",
                    List.of("UNIQUE (study_id, objective)"),
                    List.<String[]>of(new String[] {"study_id", "studies"}),
                    null),
            attributes("study_user_attributes", "study_user_attribute_id", "study_id", "studies"),
            attributes("study_system_attributes", "study_system_attribute_id", "study_id", "studies"),
            new Table(
                    "trials",
                    List.of(
                            Column.of("trial_id", Type.PK, true),
                            Column.of("number", Type.INT, false),
                            Column.of("study_id", Type.INT, false),
                            Column.enumeration("state", "trialstate", STATES),
                            Column.of("datetime_start", Type.DATETIME, false),
                            Column.of("datetime_complete", Type.DATETIME, false)),
                    "trial_id",
                    List.of(),
                    List.<String[]>of(new String[] {"study_id", "studies"}),
                    "ix_trials_study_id"),
            attributes("trial_user_attributes", "trial_user_attribute_id", "trial_id", "trials"),
            attributes("trial_system_attributes", "trial_system_attribute_id", "trial_id", "trials"),
            new Table(
                    "trial_params",
                    List.of(
                            Column.of("param_id", Type.PK, true),
                            Column.of("trial_id", Type.INT, false),
                            Column.varchar("param_name", 512, false),
                            Column.of("param_value", Type.FLOAT, false),
                            Column.of("distribution_json", Type.TEXT, false)),
                    "param_id",
                    List.of("UNIQUE (trial_id, param_name)"),
                    List.<String[]>of(new String[] {"trial_id", "trials"}),
                    null),
            new Table(
                    "trial_values",
                    List.of(
                            Column.of("trial_value_id", Type.PK, true),
                            Column.of("trial_id", Type.INT, true),
                            Column.of("objective", Type.INT, true),
                            Column.of("value", Type.FLOAT, false),
                            Column.enumeration("value_type", "trialvaluetype", VALUE_TYPES)),
                    "trial_value_id",
                    List.of("UNIQUE (trial_id, objective)"),
                    List.<String[]>of(new String[] {"trial_id", "trials"}),
                    null),
            new Table(
                    "trial_intermediate_values",
                    List.of(
                            Column.of("trial_intermediate_value_id", Type.PK, true),
                            Column.of("trial_id", Type.INT, true),
                            Column.of("step", Type.INT, true),
                            Column.of("intermediate_value", Type.FLOAT, false),
                            Column.enumeration(
                                    "intermediate_value_type", "trialintermediatevaluetype", INTERMEDIATE_TYPES)),
                    "trial_intermediate_value_id",
                    List.of("UNIQUE (trial_id, step)"),
                    List.<String[]>of(new String[] {"trial_id", "trials"}),
                    null),
            new Table(
                    "trial_heartbeats",
                    List.of(
                            Column.of("trial_heartbeat_id", Type.PK, true),
                            Column.of("trial_id", Type.INT, true),
                            Column.of("heartbeat", Type.DATETIME, true)),
                    "trial_heartbeat_id",
                    List.of("UNIQUE (trial_id)"),
                    List.<String[]>of(new String[] {"trial_id", "trials"}),
                    null));

    private static Table attributes(String table, String pk, String owner, String ownerTable) {
        return new Table(
                table,
                List.of(
                        Column.of(pk, Type.PK, true),
                        Column.of(owner, Type.INT, false),
                        Column.varchar("key", 512, false),
                        Column.of("value_json", Type.TEXT, false)),
                pk,
                List.of("UNIQUE (" + owner + ", key)"),
                List.<String[]>of(new String[] {owner, ownerTable}),
                null);
    }

    /** Every table Optuna has, children last; delete in reverse order. */
    static List<String> tableNames() {
        List<String> names = new ArrayList<>();
        TABLES.forEach(t -> names.add(t.name()));
        names.add("alembic_version");
        return names;
    }

    private OptunaSchema() {}

    /** The DDL that creates the table in the dialect, followed by its indexes. */
    static List<String> ddl(String tableName, Dialect dialect) {
        if (tableName.equals("alembic_version")) {
            return List.of("CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\t"
                    + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)");
        }
        Table t = TABLES.stream()
                .filter(x -> x.name().equals(tableName))
                .findFirst()
                .orElseThrow();
        List<String> parts = new ArrayList<>();
        for (Column c : t.columns()) {
            parts.add(dialect.quoteIfKey(c.name()) + " " + type(c, dialect) + (c.notNull() ? " NOT NULL" : ""));
        }
        parts.add("PRIMARY KEY (" + t.pk() + ")");
        for (String constraint : t.constraints()) {
            parts.add(constraint.replace(" key)", " " + dialect.quote("key") + ")"));
        }
        for (String[] fk : t.fks()) {
            String ref = fk[1].equals("studies") ? "study_id" : "trial_id";
            parts.add("FOREIGN KEY(" + fk[0] + ") REFERENCES " + fk[1] + " (" + ref + ")");
        }
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + t.name() + " (\n\t" + String.join(", \n\t", parts) + "\n)");
        if (t.name().equals("studies")) {
            out.add("CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)");
        }
        if (t.index() != null) {
            out.add("CREATE INDEX " + t.index() + " ON trials (study_id)");
        }
        return out;
    }

    private static String type(Column c, Dialect dialect) {
        return switch (c.type()) {
            case PK ->
                switch (dialect) {
                    case SQLITE -> "INTEGER";
                    case POSTGRESQL -> "SERIAL";
                    case MYSQL -> "INTEGER AUTO_INCREMENT";
                };
            case INT -> "INTEGER";
            case FLOAT -> dialect == Dialect.SQLITE ? "FLOAT" : "FLOAT(53)";
            case DATETIME -> dialect == Dialect.POSTGRESQL ? "TIMESTAMP WITHOUT TIME ZONE" : "DATETIME";
            case TEXT -> "TEXT";
            case VARCHAR -> "VARCHAR(" + c.length() + ")";
            case ENUM ->
                switch (dialect) {
                    case SQLITE ->
                        "VARCHAR("
                                + c.values().stream()
                                        .mapToInt(String::length)
                                        .max()
                                        .orElse(1) + ")";
                    case POSTGRESQL -> c.enumName();
                    case MYSQL ->
                        "ENUM("
                                + String.join(
                                        ",",
                                        c.values().stream()
                                                .map(v -> "'" + v + "'")
                                                .toList()) + ")";
                };
        };
    }

    private static List<String[]> enumTypes() {
        List<String[]> out = new ArrayList<>();
        for (Table t : TABLES) {
            for (Column c : t.columns()) {
                if (c.type() == Type.ENUM) {
                    List<String> parts = new ArrayList<>();
                    parts.add(c.enumName());
                    parts.addAll(c.values());
                    out.add(parts.toArray(String[]::new));
                }
            }
        }
        return out;
    }

    /**
     * Creates the schema of a new database or checks the version of an existing one. Runs inside
     * the caller's write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: plus an advisory lock;
     * MySQL: a named lock, since its DDL commits implicitly), so processes racing on a new
     * database create it exactly once and the others find it complete.
     *
     * @throws StorageException naming the revision if the database is at one Tunekit does not read
     */
    static void ensure(Connection c, Dialect dialect, String libraryVersion) throws SQLException {
        Set<String> existing = tables(c);
        String revision = null;
        if (existing.contains("alembic_version")) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
                revision = rs.next() ? rs.getString(1) : null;
            }
        }
        if (revision == null) {
            if (existing.contains("studies") && hasRows(c, "studies")) {
                throw new StorageException("The database holds Optuna-like tables with studies but no alembic_version "
                        + "row; Tunekit does not stamp a database it did not create. Open it with Optuna first.");
            }
            createMissing(c, dialect, existing);
            if (!hasRows(c, "version_info")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)")) {
                    ps.setInt(1, SCHEMA_VERSION);
                    ps.setString(2, libraryVersion);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alembic_version (version_num) VALUES (?)")) {
                ps.setString(1, HEAD);
                ps.executeUpdate();
            }
            return;
        }
        if (!SUPPORTED.contains(revision)) {
            throw new StorageException("The database is at Optuna schema revision '" + revision
                    + "'; Tunekit reads and writes only " + new java.util.TreeSet<>(SUPPORTED)
                    + " (Optuna 3.0 to 5.0). Upgrade or downgrade it with `optuna storage upgrade` first.");
        }
        if (!existing.contains("trial_heartbeats")) {
            createMissing(c, dialect, existing);
        }
    }

    private static void createMissing(Connection c, Dialect dialect, Set<String> existing) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                for (String[] e : enumTypes()) {
                    if (!pgTypeExists(c, e[0])) {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i < e.length; i++) {
                            values.add("'" + e[i] + "'");
                        }
                        s.execute("CREATE TYPE " + e[0] + " AS ENUM (" + String.join(", ", values) + ")");
                    }
                }
            }
            for (String table : tableNames()) {
                if (!existing.contains(table)) {
                    for (String sql : ddl(table, dialect)) {
                        s.execute(sql);
                    }
                }
            }
        }
    }

    private static boolean pgTypeExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_type t JOIN pg_namespace n "
                + "ON n.oid = t.typnamespace WHERE t.typname = ? AND n.nspname = current_schema()")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rs.next();
        }
    }

    /** The names (lower case) of the tables in the connection's current schema. */
    static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = null;
        try {
            schema = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            // drivers without schemas (SQLite) answer null or refuse; all tables are in one namespace
        }
        try (ResultSet rs = meta.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
