package io.tunekit.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection as a transaction uses it: statements are prepared through here and released by
 * the session, not by the caller. On SQLite, where the same few statements run thousands of
 * times on one long-lived connection, prepared statements are kept and reused (preparing costs
 * more than running them); on a pool, they are closed when the transaction ends (the PostgreSQL
 * and MariaDB drivers cache server-side statements themselves).
 */
final class Session {

    private static final int MAX_KEPT = 64;

    private final Connection connection;
    private final boolean reuseStatements;
    /** Most recently used statements; some SQL embeds ids, so the oldest are closed past the limit. */
    private final Map<String, PreparedStatement> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > MAX_KEPT) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    private final List<Statement> open = new ArrayList<>();

    Session(Connection connection, boolean reuseStatements) {
        this.connection = connection;
        this.reuseStatements = reuseStatements;
    }

    Connection connection() {
        return connection;
    }

    /** A prepared statement for {@code sql}; do not close it. */
    PreparedStatement prepare(String sql) throws SQLException {
        if (reuseStatements) {
            PreparedStatement ps = kept.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = connection.prepareStatement(sql);
                kept.put(sql, ps);
            }
            return ps;
        }
        PreparedStatement ps = connection.prepareStatement(sql);
        open.add(ps);
        return ps;
    }

    /** A prepared INSERT that returns the generated {@code idColumn}; do not close it. */
    PreparedStatement prepareInsert(String sql, String idColumn, Dialect dialect) throws SQLException {
        if (!dialect.generatedKeysByColumnName()) {
            String key = "generated keys: " + sql;
            if (reuseStatements) {
                PreparedStatement ps = kept.get(key);
                if (ps == null || ps.isClosed()) {
                    ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                    kept.put(key, ps);
                }
                return ps;
            }
            PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            open.add(ps);
            return ps;
        }
        PreparedStatement ps = connection.prepareStatement(sql, new String[] {idColumn});
        open.add(ps);
        return ps;
    }

    /** A plain statement, closed when the transaction ends. */
    Statement statement() throws SQLException {
        Statement s = connection.createStatement();
        open.add(s);
        return s;
    }

    /** Closes the statements of the transaction that just ended. */
    void endTransaction() {
        for (Statement s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Closes every statement and the connection. */
    void close() {
        endTransaction();
        kept.values().forEach(Session::closeQuietly);
        kept.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // giving the connection up
        }
    }

    private static void closeQuietly(Statement s) {
        try {
            s.close();
        } catch (SQLException ignored) {
            // a statement of a connection that is gone
        }
    }
}
