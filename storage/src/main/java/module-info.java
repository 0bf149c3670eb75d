/**
 * JDBC storage in Optuna's schema: SQLite (embedded, the default), PostgreSQL and MySQL/MariaDB.
 * The server drivers are not required: {@link java.sql.DriverManager} finds them on the module
 * path as services of {@code java.sql}.
 */
module io.tunekit.storage {
    requires transitive io.tunekit.core;
    requires java.sql;
    requires com.fasterxml.jackson.core;
    requires com.zaxxer.hikari;
    requires org.xerial.sqlitejdbc;
    requires org.slf4j;

    exports io.tunekit.storage.jdbc;

    // Without an SLF4J provider, the storage points SLF4J at its System.Logger bridge: SLF4J looks
    // for providers (uses) and instantiates the bridge by name (opens, not an API).
    uses org.slf4j.spi.SLF4JServiceProvider;

    opens io.tunekit.storage.jdbc.internal to
            org.slf4j;
}
