package io.tunekit.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where transactions get their connection, and how they begin and end on it. */
interface ConnectionSource extends AutoCloseable {

    /** A connection for a write (or read) transaction; blocks while none is free. */
    Connection acquire(boolean write) throws SQLException;

    /** Starts a transaction on the connection. */
    void begin(Connection c, boolean write) throws SQLException;

    void commit(Connection c) throws SQLException;

    void rollback(Connection c) throws SQLException;

    /** Gives the connection back; a broken one is closed and replaced on the next acquire. */
    void release(Connection c, boolean write, boolean broken);

    @Override
    void close();
}
