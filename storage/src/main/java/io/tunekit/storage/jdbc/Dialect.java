package io.tunekit.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every difference between the three databases, so that no other class branches on the kind of
 * database: identifier quoting, column types and table options, upserts, row and schema locks,
 * the database clock, datetime columns, the driver, and which errors are worth a retry.
 */
enum Dialect {
    SQLITE {
        @Override
        Set<String> tableNames(Connection c) throws SQLException {
            // The catalog itself, without SQLite's own tables (sqlite_sequence, sqlite_stat1), as
            // the driver's DatabaseMetaData lists them; that builds the same answer through a
            // large query and a class that costs a one-shot command (tunekit ask) milliseconds.
            Set<String> out = new HashSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return out;
        }

        @Override
        String forUpdate() {
            // SQLite has no row locks; every write transaction starts with BEGIN IMMEDIATE, which
            // serialises writers across processes.
            return "";
        }

        @Override
        Clock clock(Connection c) {
            // Optuna writes CURRENT_TIMESTAMP, which is UTC in SQLite; the same clock with
            // microseconds, in the text layout SQLAlchemy writes.
            return new Clock("strftime('%Y-%m-%d %H:%M:%f000', 'now')", "UTC");
        }

        @Override
        void setDatetime(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
            ps.setString(index, value == null ? null : SqliteDatetimeText.format(value));
        }

        @Override
        LocalDateTime getDatetime(ResultSet rs, String column) throws SQLException {
            String text = rs.getString(column);
            if (text == null) {
                return null;
            }
            try {
                return SqliteDatetimeText.parse(text);
            } catch (DateTimeParseException e) {
                throw new SQLException("column " + column + " holds '" + text + "', which is not a datetime", e);
            }
        }

        @Override
        boolean isTransient(SQLException e) {
            int code = e.getErrorCode() & 0xff;
            String m = String.valueOf(e.getMessage());
            return code == 5
                    || code == 6
                    || m.contains("SQLITE_BUSY")
                    || m.contains("database is locked")
                    || m.contains("SQLITE_LOCKED");
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            String m = String.valueOf(e.getMessage());
            return (e.getErrorCode() & 0xff) == 19 && (m.contains("UNIQUE") || m.contains("PRIMARY KEY"));
        }

        @Override
        boolean isSchemaConflict(SQLException e) {
            return String.valueOf(e.getMessage()).contains("already exists") || isUniqueViolation(e);
        }

        @Override
        boolean leavesConnectionUnusable(SQLException e) {
            // SQLITE_FULL, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_NOTADB and the like may roll
            // back on their own or leave statements half run (the connection then answers
            // "cannot start a transaction within a transaction" for good): a fresh connection
            // is the only state known to be clean.
            int code = e.getErrorCode() & 0xff;
            return code == 4 // ABORT
                    || code == 7 // NOMEM
                    || code == 8 // READONLY
                    || code == 9 // INTERRUPT
                    || code == 10 // IOERR
                    || code == 11 // CORRUPT
                    || code == 13 // FULL
                    || code == 14 // CANTOPEN
                    || code == 15 // PROTOCOL
                    || code == 26; // NOTADB
        }

        @Override
        boolean ownsWholeDatabase() {
            return true;
        }

        @Override
        String pkType() {
            return "INTEGER";
        }

        @Override
        String floatType() {
            return "FLOAT";
        }

        @Override
        String enumType(String name, List<String> values) {
            return "VARCHAR(" + values.stream().mapToInt(String::length).max().orElse(1) + ")";
        }
    },

    POSTGRESQL {
        @Override
        Clock clock(Connection c) throws SQLException {
            // Optuna writes CURRENT_TIMESTAMP into a TIMESTAMP WITHOUT TIME ZONE column: the
            // server's clock in the session's time zone. Its clients (libpq) keep the server's
            // default zone, while the JDBC driver sets the JVM's; so Tunekit converts explicitly
            // to the zone an Optuna session gets, whatever time zone its JVM runs in.
            String zone = defaultSessionZone(c);
            return new Clock("(CURRENT_TIMESTAMP AT TIME ZONE '" + zone.replace("'", "''") + "')", zone);
        }

        @Override
        boolean isTransient(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            return state.equals("40001")
                    || state.equals("40P01")
                    || state.startsWith("08")
                    || state.equals("57P01")
                    || state.equals("55P03")
                    || e instanceof SQLTransientException;
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        boolean isSchemaConflict(SQLException e) {
            // a type or table another process created meanwhile (unique violation in pg_type, or
            // duplicate object/table)
            String state = String.valueOf(e.getSQLState());
            return state.equals("23505") || state.equals("42710") || state.equals("42P07");
        }

        @Override
        void lockSchema(Statement s) throws SQLException {
            // released with the transaction
            s.execute("SELECT pg_advisory_xact_lock(7426100612)");
        }

        @Override
        Optional<String> driverClass() {
            return Optional.of("org.postgresql.Driver");
        }

        @Override
        Map<String, String> driverProperties() {
            // Strings bind as untyped literals, so they fill Optuna's native enum columns
            // (trialstate, ...) without casts in every statement.
            return Map.of("stringtype", "unspecified");
        }

        @Override
        boolean generatedKeysByColumnName() {
            return true;
        }

        @Override
        String pkType() {
            return "SERIAL";
        }

        @Override
        String datetimeType() {
            return "TIMESTAMP WITHOUT TIME ZONE";
        }

        @Override
        String enumType(String name, List<String> values) {
            return name;
        }

        @Override
        List<String> createEnumTypes(Connection c, Map<String, List<String>> enums) throws SQLException {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : enums.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_type t JOIN pg_namespace n "
                        + "ON n.oid = t.typnamespace WHERE t.typname = ? AND n.nspname = current_schema()")) {
                    ps.setString(1, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                List<String> quoted =
                        e.getValue().stream().map(v -> "'" + v + "'").toList();
                out.add("CREATE TYPE " + e.getKey() + " AS ENUM (" + String.join(", ", quoted) + ")");
            }
            return out;
        }
    },

    MYSQL {
        @Override
        String quote(String identifier) {
            return '`' + identifier + '`';
        }

        @Override
        String upsert(String conflictColumns, String... updateColumns) {
            List<String> sets = new ArrayList<>();
            for (String column : updateColumns) {
                sets.add(column + " = VALUES(" + column + ")");
            }
            return " ON DUPLICATE KEY UPDATE " + String.join(", ", sets);
        }

        @Override
        Clock clock(Connection c) {
            // The MariaDB driver leaves the session in the server's zone, as Optuna's drivers do.
            return new Clock("CURRENT_TIMESTAMP", "the server's zone");
        }

        @Override
        LocalDateTime truncate(LocalDateTime t) {
            return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS); // DATETIME without fraction
        }

        @Override
        boolean isTransient(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            int code = e.getErrorCode();
            return code == 1213
                    || code == 1205
                    || state.equals("40001")
                    || state.startsWith("08")
                    || e instanceof SQLTransientException;
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 1062
                    || "23000".equals(e.getSQLState())
                            && String.valueOf(e.getMessage()).contains("Duplicate");
        }

        @Override
        boolean isSchemaConflict(SQLException e) {
            // 1050: table already exists; 1061: duplicate index name
            return e.getErrorCode() == 1050 || e.getErrorCode() == 1061 || isUniqueViolation(e);
        }

        @Override
        void lockSchema(Statement s) throws SQLException {
            // DDL commits implicitly in MySQL, so a named lock (not the transaction) serialises
            // the processes that create a schema
            s.execute("SELECT GET_LOCK('tunekit_schema', 60)");
        }

        @Override
        void unlockSchema(Statement s) throws SQLException {
            s.execute("SELECT RELEASE_LOCK('tunekit_schema')");
        }

        @Override
        Optional<String> driverClass() {
            return Optional.of("org.mariadb.jdbc.Driver");
        }

        @Override
        String pkType() {
            return "INTEGER AUTO_INCREMENT";
        }

        @Override
        String enumType(String name, List<String> values) {
            return "ENUM("
                    + String.join(",", values.stream().map(v -> "'" + v + "'").toList()) + ")";
        }

        @Override
        String tableOptions(Connection c) throws SQLException {
            // Names and keys compare byte for byte, as in SQLite and PostgreSQL: 'Case' and
            // 'case', 'cafe' and 'café', 'pad' and 'pad ' are different studies. MariaDB's
            // utf8mb4_nopad_bin does not ignore trailing spaces; MySQL 8's utf8mb4_0900_bin
            // neither; utf8mb4_bin (older servers) at least keeps case and accents apart.
            for (String collation : List.of("utf8mb4_nopad_bin", "utf8mb4_0900_bin")) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT 1 FROM information_schema.collations WHERE collation_name = ?")) {
                    ps.setString(1, collation);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return " CHARACTER SET utf8mb4 COLLATE " + collation;
                        }
                    }
                }
            }
            return " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        }

        @Override
        Optional<String> nameCollationWarning(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT collation_name FROM information_schema.columns "
                            + "WHERE table_schema = DATABASE() AND table_name = 'studies' "
                            + "AND column_name = 'study_name'")) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                String collation = rs.getString(1);
                if (collation.endsWith("_bin")) {
                    return Optional.empty();
                }
                return Optional.of("The tables of this database (created by Optuna or another tool) use the "
                        + "collation " + collation + ", which compares names without regard to case"
                        + (collation.contains("_ai") || collation.contains("general") || collation.contains("unicode")
                                ? ", accents or trailing spaces"
                                : "")
                        + ": study names such as 'Case' and 'case' are the same study there, and attribute keys "
                        + "or parameter names that differ only so overwrite or refuse each other. Tables Tunekit "
                        + "creates use a binary collation. To convert these, run for each table: ALTER TABLE <name> "
                        + "CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin (MySQL 8: utf8mb4_0900_bin).");
            }
        }
    };

    /**
     * The database clock as Optuna's heartbeats read it.
     *
     * @param now an SQL expression for the current naive datetime
     * @param zone the time zone it is in, for messages
     */
    record Clock(String now, String zone) {}

    /** The names (lower case) of the tables in the connection's current schema. */
    Set<String> tableNames(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), currentSchema(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The connection's schema, for the driver's metadata calls; null where the driver has none. */
    static String currentSchema(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null; // drivers without schemas (SQLite) answer null or refuse; all tables are in one namespace
        }
    }

    /** An identifier quoted ({@code key} is reserved in MySQL). */
    String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** The column name, quoted if it is {@code key} (SQLAlchemy quotes it everywhere). */
    String quoteIfKey(String column) {
        return column.equals("key") ? quote(column) : column;
    }

    /** The clause that locks the rows a SELECT reads for the rest of the transaction. */
    String forUpdate() {
        return " FOR UPDATE";
    }

    /** A query that locks the study row for the rest of the transaction (one parameter: the id). */
    final String lockStudyRow() {
        return "SELECT study_id FROM studies WHERE study_id = ?" + forUpdate();
    }

    /** The clause that turns an INSERT into an upsert on the given unique columns (SQLite >= 3.24, PostgreSQL). */
    String upsert(String conflictColumns, String... updateColumns) {
        List<String> sets = new ArrayList<>();
        for (String column : updateColumns) {
            sets.add(column + " = excluded." + column);
        }
        return " ON CONFLICT (" + conflictColumns + ") DO UPDATE SET " + String.join(", ", sets);
    }

    /** The clock Optuna's heartbeats use on this database, as seen through {@code c}. */
    abstract Clock clock(Connection c) throws SQLException;

    /** Whether the error is contention or a lost connection, so the transaction may be retried. */
    abstract boolean isTransient(SQLException e);

    /** Whether the error is a unique-constraint violation. */
    abstract boolean isUniqueViolation(SQLException e);

    /** Whether the error says another process created a table, type or row of the schema first. */
    abstract boolean isSchemaConflict(SQLException e);

    /** Whether, after this error, the connection must be replaced rather than rolled back and reused. */
    boolean leavesConnectionUnusable(SQLException e) {
        return false;
    }

    /**
     * Whether an Optuna database is the whole database (a SQLite file), so that other tables
     * mean it belongs to another application; a server database may hold other tables beside.
     */
    boolean ownsWholeDatabase() {
        return false;
    }

    /** Serialises schema creation across processes, inside the schema transaction. */
    void lockSchema(Statement s) throws SQLException {}

    /** Releases what {@link #lockSchema} took, if the transaction does not. */
    void unlockSchema(Statement s) throws SQLException {}

    /** The JDBC driver class of a pooled database (named so that shaded jars need no service lookup). */
    Optional<String> driverClass() {
        return Optional.empty();
    }

    /** Connection properties the driver needs. */
    Map<String, String> driverProperties() {
        return Map.of();
    }

    /** Whether generated keys must be asked for by column name (else RETURN_GENERATED_KEYS). */
    boolean generatedKeysByColumnName() {
        return false;
    }

    /** The type of an auto-incremented integer primary key. */
    abstract String pkType();

    /** The type of a double-precision float column. */
    String floatType() {
        return "FLOAT(53)";
    }

    /** The type of a naive datetime column. */
    String datetimeType() {
        return "DATETIME";
    }

    /** The type of an enum column, as SQLAlchemy renders it. */
    abstract String enumType(String name, List<String> values);

    /** The CREATE TYPE statements for the enum types {@code c}'s schema lacks (PostgreSQL only). */
    List<String> createEnumTypes(Connection c, Map<String, List<String>> enums) throws SQLException {
        return List.of();
    }

    /** What follows the column list of a CREATE TABLE Tunekit runs. */
    String tableOptions(Connection c) throws SQLException {
        return "";
    }

    /** A warning if existing tables compare names without regard to case (MySQL/MariaDB only). */
    Optional<String> nameCollationWarning(Connection c) throws SQLException {
        return Optional.empty();
    }

    /** The datetime as the column stores it. */
    LocalDateTime truncate(LocalDateTime t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    void setDatetime(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        ps.setObject(index, value);
    }

    LocalDateTime getDatetime(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    /** Trial datetimes are stored as naive UTC (Optuna 5.0's rule). */
    void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        setDatetime(ps, index, value == null ? null : truncate(LocalDateTime.ofInstant(value, ZoneOffset.UTC)));
    }

    Instant getInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = getDatetime(rs, column);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** {@code t} as it reads back after a round trip through a datetime column. */
    Instant stored(Instant t) {
        return t == null
                ? null
                : truncate(LocalDateTime.ofInstant(t, ZoneOffset.UTC)).toInstant(ZoneOffset.UTC);
    }

    /**
     * The time zone a PostgreSQL session gets when its client does not set one (as libpq, under
     * Optuna, does not): a per-role or per-database setting, else the configuration file's, else
     * {@code log_timezone}, which initdb sets to the same zone and clients cannot change.
     */
    private static String defaultSessionZone(Connection c) throws SQLException {
        String roleAndDatabase = "SELECT substring(cfg FROM 10) FROM pg_db_role_setting s, unnest(s.setconfig) cfg "
                + "WHERE lower(cfg) LIKE 'timezone=%' "
                + "AND s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database())) "
                + "AND s.setrole IN (0, (SELECT oid FROM pg_roles WHERE rolname = current_user)) "
                + "ORDER BY (s.setrole <> 0) DESC, (s.setdatabase <> 0) DESC LIMIT 1";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(roleAndDatabase)) {
            if (rs.next()) {
                return rs.getString(1);
            }
        }
        // pg_file_settings is readable with pg_read_all_settings only (asked first: a refused
        // query would abort the transaction); without it, log_timezone tells.
        boolean canReadFile;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_has_role('pg_read_all_settings', 'MEMBER')")) {
            canReadFile = rs.next() && rs.getBoolean(1);
        }
        if (canReadFile) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT setting FROM pg_file_settings "
                            + "WHERE lower(name) = 'timezone' AND applied ORDER BY seqno DESC LIMIT 1")) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('log_timezone')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
