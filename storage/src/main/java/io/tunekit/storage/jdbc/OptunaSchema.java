package io.tunekit.storage.jdbc;

import io.tunekit.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Optuna's relational schema (Alembic head {@code v3.2.0.a}, schema version 12): the twelve
 * tables plus {@code alembic_version}, rendered for each dialect as SQLAlchemy renders them, and
 * the rules for opening a database.
 *
 * <p>A new database gets every table, {@code version_info (1, 12, 'tunekit <version>')} and one
 * {@code alembic_version} row: {@code v3.2.0.a} by default, {@code v3.0.0.d} (the same tables
 * without the index {@code ix_trials_study_id}) on request ({@link SchemaRevision}). An existing
 * one is used only at one of these two revisions and is never re-stamped; the only thing added
 * to it is a missing {@code trial_heartbeats} table, as Optuna itself does on every open. A
 * database with tables that are not Optuna's (a SQLite file of another application, a foreign
 * {@code trials} table) is refused before anything is written to it.
 */
final class OptunaSchema {

    /** The revisions whose tables Tunekit reads and writes unchanged. */
    static final Set<String> SUPPORTED = Set.of(SchemaRevision.V3_0_0_D.id(), SchemaRevision.V3_2_0_A.id());

    private static final System.Logger LOG = System.getLogger(OptunaSchema.class.getName());

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
            String name,
            List<Column> columns,
            String pk,
            List<String> constraints,
            List<ForeignKey> fks,
            String index) {}

    private record ForeignKey(String column, String table) {}

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
                    List.of(new ForeignKey("study_id", "studies")),
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
                    List.of(new ForeignKey("study_id", "studies")),
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
                    List.of(new ForeignKey("trial_id", "trials")),
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
                    List.of(new ForeignKey("trial_id", "trials")),
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
                    List.of(new ForeignKey("trial_id", "trials")),
                    null),
            new Table(
                    "trial_heartbeats",
                    List.of(
                            Column.of("trial_heartbeat_id", Type.PK, true),
                            Column.of("trial_id", Type.INT, true),
                            Column.of("heartbeat", Type.DATETIME, true)),
                    "trial_heartbeat_id",
                    List.of("UNIQUE (trial_id)"),
                    List.of(new ForeignKey("trial_id", "trials")),
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
                List.of(new ForeignKey(owner, ownerTable)),
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

    /** The DDL that creates the table in the dialect, followed by its indexes, at a revision. */
    static List<String> ddl(String tableName, Dialect dialect, String tableOptions, SchemaRevision revision) {
        if (tableName.equals("alembic_version")) {
            return List.of("CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\t"
                    + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)" + tableOptions);
        }
        Table t = table(tableName);
        List<String> parts = new ArrayList<>();
        for (Column c : t.columns()) {
            parts.add(dialect.quoteIfKey(c.name()) + " " + type(c, dialect) + (c.notNull() ? " NOT NULL" : ""));
        }
        parts.add("PRIMARY KEY (" + t.pk() + ")");
        for (String constraint : t.constraints()) {
            parts.add(constraint.replace(" key)", " " + dialect.quote("key") + ")"));
        }
        for (ForeignKey fk : t.fks()) {
            String ref = fk.table().equals("studies") ? "study_id" : "trial_id";
            parts.add("FOREIGN KEY(" + fk.column() + ") REFERENCES " + fk.table() + " (" + ref + ")");
        }
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + t.name() + " (\n\t" + String.join(", \n\t", parts) + "\n)" + tableOptions);
        if (t.name().equals("studies")) {
            out.add("CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)");
        }
        if (t.index() != null && revision == SchemaRevision.V3_2_0_A) {
            out.add("CREATE INDEX " + t.index() + " ON trials (study_id)");
        }
        return out;
    }

    private static Table table(String name) {
        return TABLES.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static String type(Column c, Dialect dialect) {
        return switch (c.type()) {
            case PK -> dialect.pkType();
            case INT -> "INTEGER";
            case FLOAT -> dialect.floatType();
            case DATETIME -> dialect.datetimeType();
            case TEXT -> "TEXT";
            case VARCHAR -> "VARCHAR(" + c.length() + ")";
            case ENUM -> dialect.enumType(c.enumName(), c.values());
        };
    }

    private static Map<String, List<String>> enumTypes() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Table t : TABLES) {
            for (Column c : t.columns()) {
                if (c.type() == Type.ENUM) {
                    out.put(c.enumName(), c.values());
                }
            }
        }
        return out;
    }

    /**
     * What opening a database may do to its schema.
     *
     * @param libraryVersion written into {@code version_info} of a new database
     * @param revision the revision a new database is created at
     * @param access whether anything may be written
     * @param othersMayBeCreatingUntil until when tables without a revision row are taken for
     *     another process (Optuna) in the middle of creating the schema, and waited for
     */
    record Opening(String libraryVersion, SchemaRevision revision, Access access, Instant othersMayBeCreatingUntil) {}

    /** Whether an opening may write. */
    enum Access {
        READ_WRITE,
        READ_ONLY
    }

    /**
     * Thrown (and retried by {@link Transactions}) while another process creates the schema:
     * its tables are there, its revision row is not yet.
     */
    static final class SchemaInProgress extends SQLTransientException {
        SchemaInProgress(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Creates the schema of a new database or checks an existing one. Runs inside the caller's
     * write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: plus an advisory lock; MySQL: a
     * named lock, since its DDL commits implicitly), so Tunekit processes racing on a new database
     * create it exactly once and the others find it complete. Against Optuna, which checks and
     * creates without such a lock: tables found without a revision row are waited for (Optuna
     * stamps right after creating them), a table or type Optuna created meanwhile makes the
     * transaction retry, and two revision rows (Optuna stamping a database Tunekit stamped) are
     * reduced to the one that matches the tables.
     *
     * @return the database's revision
     * @throws StorageException naming the reason if the database is not an Optuna database or is
     *     at a revision Tunekit does not read
     */
    static String ensure(Connection c, Dialect dialect, Opening opening) throws SQLException {
        Set<String> existing = dialect.tableNames(c);
        List<String> revisions = revisions(c, existing);
        if (revisions.size() > 1) {
            return keepTheRevisionOfTheTables(c, revisions, opening);
        }
        if (revisions.size() == 1) {
            String revision = revisions.get(0);
            if (!SUPPORTED.contains(revision)) {
                throw new StorageException("The database is at Optuna schema revision '" + revision
                        + "'; Tunekit reads and writes only " + new TreeSet<>(SUPPORTED)
                        + " (Optuna 3.0 to 5.0). A database of a newer Optuna cannot be used by Tunekit; one of an "
                        + "older Optuna is brought to v3.2.0.a with `optuna storage upgrade --storage <URL>`.");
            }
            if (!existing.contains("trial_heartbeats") && opening.access() == Access.READ_WRITE) {
                createMissing(c, dialect, existing, SchemaRevision.of(revision));
            }
            return revision;
        }
        Set<String> optunas = new HashSet<>(tableNames());
        List<String> foreign = existing.stream()
                .filter(t -> !optunas.contains(t) && !t.startsWith("sqlite_"))
                .sorted()
                .toList();
        if (!existing.isEmpty() && !foreign.isEmpty() && dialect.ownsWholeDatabase()) {
            throw new StorageException("This database is not Optuna's (nor Tunekit's): it has the tables " + foreign
                    + " and no Optuna schema revision. Tunekit leaves it as it is; give it a new file.");
        }
        for (String name : existing) {
            if (optunas.contains(name) && !name.equals("alembic_version")) {
                List<String> missing = missingColumns(c, table(name));
                if (!missing.isEmpty()) {
                    throw new StorageException("The table '" + name + "' is not Optuna's: it lacks the columns "
                            + missing + ". Tunekit leaves the database as it is; use another database or schema.");
                }
            }
        }
        if (existing.contains("studies") && hasRows(c, "studies")) {
            stampedMeanwhile(c, dialect);
            throw new StorageException("The database holds Optuna-like tables with studies but no alembic_version "
                    + "row; Tunekit does not stamp a database it did not create. Open it with Optuna first.");
        }
        if (opening.access() == Access.READ_ONLY) {
            throw new StorageException("The database has no Optuna schema" + (existing.isEmpty() ? "" : " revision yet")
                    + ", and a read-only storage cannot create one.");
        }
        boolean othersTables = existing.stream().anyMatch(optunas::contains);
        if (othersTables && Instant.now().isBefore(opening.othersMayBeCreatingUntil())) {
            throw new SchemaInProgress(
                    "The database has Optuna's tables " + new TreeSet<>(existing)
                            + " but no revision yet: another process is creating the schema",
                    null);
        }
        SchemaRevision revision = existing.contains("trials")
                ? (hasStudyIndex(c) ? SchemaRevision.V3_2_0_A : SchemaRevision.V3_0_0_D)
                : opening.revision();
        createMissing(c, dialect, existing, revision);
        if (!hasRows(c, "version_info")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)")) {
                ps.setInt(1, SCHEMA_VERSION);
                ps.setString(2, opening.libraryVersion());
                ps.executeUpdate();
            }
        }
        stampedMeanwhile(c, dialect);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alembic_version (version_num) VALUES (?)")) {
            ps.setString(1, revision.id());
            ps.executeUpdate();
        }
        return revision.id();
    }

    /** The rows of alembic_version ({@code existing}: the tables as read before). */
    private static List<String> revisions(Connection c, Set<String> existing) throws SQLException {
        List<String> revisions = new ArrayList<>();
        if (existing.contains("alembic_version")) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
                while (rs.next()) {
                    revisions.add(rs.getString(1));
                }
            }
        }
        return revisions;
    }

    /**
     * On a server each statement sees what is committed when it runs (READ COMMITTED), and
     * Optuna does not take Tunekit's schema lock: the revision may have been stamped (and a study
     * created) since the tables were listed. Then the transaction is tried again, and sees it.
     */
    private static void stampedMeanwhile(Connection c, Dialect dialect) throws SQLException {
        if (!revisions(c, dialect.tableNames(c)).isEmpty()) {
            throw new SchemaInProgress("another process stamped the schema revision meanwhile", null);
        }
    }

    /**
     * Optuna stamped a database another process stamped too (each saw no revision row): keeps
     * the revision that describes the tables (v3.2.0.a adds only the index on trials.study_id),
     * so that Optuna opens the database again.
     */
    private static String keepTheRevisionOfTheTables(Connection c, List<String> revisions, Opening opening)
            throws SQLException {
        if (!SUPPORTED.containsAll(revisions)) {
            throw new StorageException("The database has several Optuna schema revisions " + revisions
                    + "; Tunekit reads only " + new TreeSet<>(SUPPORTED) + ".");
        }
        String keep = (hasStudyIndex(c) ? SchemaRevision.V3_2_0_A : SchemaRevision.V3_0_0_D).id();
        if (opening.access() == Access.READ_WRITE) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alembic_version WHERE version_num <> ?")) {
                ps.setString(1, keep);
                ps.executeUpdate();
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    "The database had the Optuna schema revisions {0} (two processes created it at once); "
                            + "kept {1}, which matches its tables.",
                    revisions,
                    keep);
        }
        return keep;
    }

    private static void createMissing(Connection c, Dialect dialect, Set<String> existing, SchemaRevision revision)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            List<String> statements = new ArrayList<>(dialect.createEnumTypes(c, enumTypes()));
            String options = dialect.tableOptions(c);
            for (String table : tableNames()) {
                if (!existing.contains(table)) {
                    statements.addAll(ddl(table, dialect, options, revision));
                }
            }
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            if (dialect.isSchemaConflict(e)) {
                throw new SchemaInProgress("another process created part of the schema at the same time", e);
            }
            throw e;
        }
    }

    /** The expected columns the table lacks (it may have more). */
    private static List<String> missingColumns(Connection c, Table t) throws SQLException {
        Set<String> have = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), Dialect.currentSchema(c), t.name(), "%")) {
            while (rs.next()) {
                have.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        if (have.isEmpty()) {
            // some drivers answer only for the name as stored (upper case)
            try (ResultSet rs = c.getMetaData()
                    .getColumns(
                            c.getCatalog(), Dialect.currentSchema(c), t.name().toUpperCase(Locale.ROOT), "%")) {
                while (rs.next()) {
                    have.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return t.columns().stream()
                .map(Column::name)
                .filter(n -> !have.contains(n))
                .toList();
    }

    /** Whether trials has v3.2.0.a's index on study_id. */
    private static boolean hasStudyIndex(Connection c) throws SQLException {
        try (ResultSet rs =
                c.getMetaData().getIndexInfo(c.getCatalog(), Dialect.currentSchema(c), "trials", false, false)) {
            while (rs.next()) {
                if ("ix_trials_study_id".equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rs.next();
        }
    }
}
