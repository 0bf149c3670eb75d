package io.tunekit.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What differs between the three databases: identifier quoting, column types, upserts, row
 * locks, the database clock, datetime columns and which errors are worth a retry.
 */
enum Dialect {
    SQLITE {
        @Override
        String lockStudyRow() {
            // SQLite has no row locks; every write transaction starts with BEGIN IMMEDIATE, which
            // serialises writers across processes.
            return "SELECT study_id FROM studies WHERE study_id = ?";
        }

        @Override
        String now() {
            // Microseconds, in the text layout SQLAlchemy writes; CURRENT_TIMESTAMP has seconds only.
            return "strftime('%Y-%m-%d %H:%M:%f000', 'now')";
        }

        @Override
        void setDatetime(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
            ps.setString(index, value == null ? null : WRITE_TEXT.format(value));
        }

        @Override
        LocalDateTime getDatetime(ResultSet rs, String column) throws SQLException {
            String text = rs.getString(column);
            return text == null ? null : LocalDateTime.parse(text.trim().replace('T', ' '), TEXT);
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
    },

    POSTGRESQL {
        @Override
        String now() {
            // What Optuna's CURRENT_TIMESTAMP becomes in a TIMESTAMP WITHOUT TIME ZONE column.
            return "LOCALTIMESTAMP";
        }

        @Override
        boolean isTransient(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            return state.equals("40001")
                    || state.equals("40P01")
                    || state.startsWith("08")
                    || state.equals("57P01")
                    || state.equals("55P03")
                    || e instanceof java.sql.SQLTransientException;
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
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
        String now() {
            return "CURRENT_TIMESTAMP";
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
                    || e instanceof java.sql.SQLTransientException;
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 1062
                    || "23000".equals(e.getSQLState())
                            && String.valueOf(e.getMessage()).contains("Duplicate");
        }
    };

    /** SQLAlchemy's SQLite DATETIME text: {@code 2026-11-29 09:30:58.133605} (fraction optional). */
    static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .optionalEnd()
            .toFormatter();

    /** The layout SQLAlchemy writes into SQLite DATETIME columns: always six fraction digits. */
    static final DateTimeFormatter WRITE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** An identifier quoted ({@code key} is reserved in MySQL). */
    String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** The column name, quoted if it is {@code key} (SQLAlchemy quotes it everywhere). */
    String quoteIfKey(String column) {
        return column.equals("key") ? quote(column) : column;
    }

    /** A query that locks the study row for the rest of the transaction (one parameter: the id). */
    String lockStudyRow() {
        return "SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE";
    }

    /** The clause that turns an INSERT into an upsert on the given unique columns (SQLite >= 3.24, PostgreSQL). */
    String upsert(String conflictColumns, String... updateColumns) {
        List<String> sets = new ArrayList<>();
        for (String column : updateColumns) {
            sets.add(column + " = excluded." + column);
        }
        return " ON CONFLICT (" + conflictColumns + ") DO UPDATE SET " + String.join(", ", sets);
    }

    /** An SQL expression for the database clock's current naive datetime. */
    abstract String now();

    /** Whether the error is contention or a lost connection, so the transaction may be retried. */
    abstract boolean isTransient(SQLException e);

    /** Whether the error is a unique-constraint violation. */
    abstract boolean isUniqueViolation(SQLException e);

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
}
