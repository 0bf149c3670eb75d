package io.tunekit.storage.jdbc;

import java.sql.SQLException;

/** Where transactions get their connection, and how they begin and end on it. */
interface ConnectionSource extends AutoCloseable {

    /** A connection for a write (or read) transaction; blocks while none is free. */
    Session acquire(boolean write) throws SQLException;

    /** Starts a transaction on the connection. */
    void begin(Session c, boolean write) throws SQLException;

    void commit(Session c) throws SQLException;

    void rollback(Session c) throws SQLException;

    /** Gives the session back (its transaction's statements are released); a broken one is replaced. */
    void release(Session c, boolean write, boolean broken);

    /** Called once the schema check passed: settings that change the database itself (SQLite's WAL). */
    default void prepareForUse() throws SQLException {}

    @Override
    void close();
}
