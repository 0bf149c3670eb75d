package io.tunekit.storage.jdbc;

/**
 * The Optuna schema revision (Alembic's {@code alembic_version}) a new database is created at.
 * Both have the same tables, which Tunekit reads and writes alike; an existing database keeps its
 * revision. Optuna opens only its own revision: choose the one of the Optuna that shares the
 * database (see {@link Storages.Builder#schemaRevision}).
 */
public enum SchemaRevision {
    /**
     * {@code v3.0.0.d}, for Optuna 3.0 and 3.1 (Debian 12's python3-optuna): no index on
     * {@code trials.study_id}, so on SQLite and PostgreSQL starting a trial reads the study's
     * trials without an index, which costs more as the study grows. {@code optuna storage
     * upgrade} later brings the database to {@link #V3_2_0_A}.
     */
    V3_0_0_D("v3.0.0.d"),
    /** {@code v3.2.0.a}, for Optuna 3.2 to 5.0; the default. */
    V3_2_0_A("v3.2.0.a");

    private final String id;

    SchemaRevision(String id) {
        this.id = id;
    }

    /** The revision as {@code alembic_version.version_num} holds it. */
    public String id() {
        return id;
    }

    static SchemaRevision of(String id) {
        for (SchemaRevision r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no schema revision '" + id + "'");
    }
}
