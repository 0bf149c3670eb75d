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

    exports io.tunekit.storage.jdbc;
}
