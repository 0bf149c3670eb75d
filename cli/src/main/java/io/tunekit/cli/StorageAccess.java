package io.tunekit.cli;

/** What a command may do to a database that is not there yet. */
enum StorageAccess {
    /** The database must exist: a missing SQLite file is an error, and no file is created. */
    EXISTING,
    /** The command may create the database (create-study, the target of copy-study). */
    CREATE,
    /**
     * The database must exist and is only read (listings, export, watch, importance, report,
     * dashboard, the source of copy-study): it is opened read-only, so these work on a file or a database user that cannot
     * write, and cannot change anything by mistake.
     */
    READ_ONLY
}
