package io.tunekit.cli;

/** What a command may do to a database that is not there yet. */
enum StorageAccess {
    /** The database must exist: a missing SQLite file is an error, and no file is created. */
    EXISTING,
    /** The command may create the database (create-study, the target of copy-study). */
    CREATE
}
