package io.tunekit.storage.jdbc;

/**
 * A storage URL understood: which database, the JDBC URL to open and a form safe to print.
 *
 * @param dialect the database kind
 * @param jdbcUrl what the driver opens
 * @param display the URL without its query string (which may hold a password)
 */
record StorageUrl(Dialect dialect, String jdbcUrl, String display) {

    static final String ACCEPTED =
            "sqlite:PATH, sqlite:///PATH (Optuna's form; sqlite:////abs/path), jdbc:sqlite:PATH, "
                    + "jdbc:postgresql://HOST[:PORT]/DB?user=..., jdbc:mariadb://HOST[:PORT]/DB?user=... or jdbc:mysql://...";

    /**
     * Parses a storage URL.
     *
     * @throws IllegalArgumentException naming the URL and the accepted forms
     */
    static StorageUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("storage URL must be non-empty; accepted: " + ACCEPTED);
        }
        String u = url.trim();
        if (u.startsWith("sqlite:///")) {
            return sqlite(url, u.substring("sqlite:///".length()));
        }
        if (u.startsWith("sqlite://")) {
            throw new IllegalArgumentException(
                    "storage URL '" + url + "' has a host part; SQLite URLs are sqlite:///relative.db "
                            + "or sqlite:////absolute.db (Optuna's form) or sqlite:path");
        }
        if (u.startsWith("sqlite:")) {
            return sqlite(url, u.substring("sqlite:".length()));
        }
        if (u.startsWith("jdbc:sqlite:")) {
            return sqlite(url, u.substring("jdbc:sqlite:".length()));
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return new StorageUrl(Dialect.POSTGRESQL, u, withoutQuery(u));
        }
        if (u.startsWith("jdbc:mariadb:")) {
            return new StorageUrl(Dialect.MYSQL, u, withoutQuery(u));
        }
        if (u.startsWith("jdbc:mysql:")) {
            // The MariaDB driver speaks to MySQL servers too; it only wants its own scheme.
            String mariadb = "jdbc:mariadb:" + u.substring("jdbc:mysql:".length());
            return new StorageUrl(Dialect.MYSQL, mariadb, withoutQuery(u));
        }
        throw new IllegalArgumentException(
                "storage URL '" + withoutQuery(u) + "' is not supported; accepted: " + ACCEPTED);
    }

    private static StorageUrl sqlite(String original, String path) {
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith(":memory:") || path.contains("mode=memory")) {
            throw new IllegalArgumentException(
                    "storage URL '" + original + "' needs a file: an in-memory SQLite database "
                            + "is not shared between connections; use io.tunekit.storage.InMemoryStorage instead");
        }
        return new StorageUrl(Dialect.SQLITE, "jdbc:sqlite:" + path, "sqlite:" + path);
    }

    private static String withoutQuery(String u) {
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }
}
