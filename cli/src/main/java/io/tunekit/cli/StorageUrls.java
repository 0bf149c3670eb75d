package io.tunekit.cli;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the storage URLs Optuna users write (SQLAlchemy's {@code dialect+driver://user:password@host:port/db?query})
 * into the URLs {@link io.tunekit.storage.jdbc.Storages} opens, where both name the same database:
 *
 * <ul>
 *   <li>{@code sqlite:///relative.db}, {@code sqlite:////abs/path.db}, {@code sqlite:path} and
 *       every {@code jdbc:} URL pass through unchanged;</li>
 *   <li>{@code postgresql://}, {@code postgresql+psycopg2://}, {@code postgresql+psycopg://},
 *       {@code postgresql+pg8000://} and {@code postgres://} become {@code jdbc:postgresql://HOST[:PORT]/DB}
 *       with {@code user} and {@code password} as query parameters (percent-decoded as SQLAlchemy
 *       does, then encoded for the driver); other query parameters ({@code sslmode}, ...) are kept;</li>
 *   <li>{@code mysql://}, {@code mysql+pymysql://}, {@code mysql+mysqldb://},
 *       {@code mysql+mysqlconnector://} and {@code mariadb[+driver]://} become
 *       {@code jdbc:mariadb://HOST[:PORT]/DB?user=...&password=...}; SQLAlchemy's {@code charset}
 *       parameter is dropped (the MariaDB driver always speaks utf8mb4).</li>
 * </ul>
 *
 * Optuna's journal storages (a log file path, {@code redis://}) are not relational databases and
 * are refused with a message that says so.
 */
final class StorageUrls {

    private static final Pattern SQLALCHEMY =
            Pattern.compile("(?<dialect>[a-z0-9]+)(?:\\+(?<driver>[a-z0-9_]+))?://(?<rest>.*)", Pattern.DOTALL);

    private StorageUrls() {}

    /**
     * The URL to give {@link io.tunekit.storage.jdbc.Storages}.
     *
     * @throws CliException (USAGE) naming the URL (without its password) and the forms accepted
     */
    static String toTunekit(String url) {
        String u = url.trim();
        if (u.startsWith("jdbc:") || u.startsWith("sqlite:")) {
            return u;
        }
        Matcher m = SQLALCHEMY.matcher(u);
        if (!m.matches()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "storage URL '" + u + "' is not a database URL"
                            + (u.contains("/") || u.endsWith(".log") || u.endsWith(".db")
                                    ? " (a plain path is an Optuna journal log to Optuna; Tunekit reads "
                                            + "relational databases: for a SQLite file write sqlite:///" + u + ")"
                                    : "")
                            + "; accepted: " + accepted());
        }
        String dialect = m.group("dialect").toLowerCase(Locale.ROOT);
        return switch (dialect) {
            case "postgresql", "postgres" -> jdbc("postgresql", u, m.group("rest"), true);
            case "mysql", "mariadb" -> jdbc("mariadb", u, m.group("rest"), false);
            case "redis", "rediss" ->
                throw new CliException(
                        ExitCode.USAGE,
                        "storage URL '" + display(u) + "' names a Redis journal storage, which Tunekit does not "
                                + "read; Tunekit stores studies in SQLite, PostgreSQL or MySQL/MariaDB");
            default ->
                throw new CliException(
                        ExitCode.USAGE,
                        "storage URL '" + display(u) + "' uses the database '" + dialect
                                + "', which Tunekit does not support; accepted: " + accepted());
        };
    }

    /** The URL as it may be printed: without the password. */
    static String display(String url) {
        return url.replaceAll("(://[^:/@?]*):[^@/?]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    static String accepted() {
        return "sqlite:///PATH (sqlite:////ABSOLUTE/PATH), postgresql[+psycopg2]://USER:PASSWORD@HOST[:PORT]/DB, "
                + "mysql[+pymysql]://USER:PASSWORD@HOST[:PORT]/DB, or a JDBC URL (jdbc:sqlite:, jdbc:postgresql:, "
                + "jdbc:mariadb:, jdbc:mysql:)";
    }

    private static String jdbc(String scheme, String original, String rest, boolean encodeValues) {
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = decode(colon < 0 ? credentials : credentials.substring(0, colon));
            password = colon < 0 ? null : decode(credentials.substring(colon + 1));
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        if (database.isEmpty()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "storage URL '" + display(original) + "' names no database; write " + scheme
                            + "://USER:PASSWORD@HOST[:PORT]/DATABASE");
        }
        if (hostPort.isEmpty()) {
            hostPort = "localhost"; // SQLAlchemy would use the local socket of the same server
        }
        List<String> params = new ArrayList<>();
        if (user != null && !user.isEmpty()) {
            params.add("user=" + value(user, encodeValues, original));
        }
        if (password != null) {
            params.add("password=" + value(password, encodeValues, original));
        }
        for (String p : query.split("&")) {
            if (!p.isEmpty() && !(scheme.equals("mariadb") && p.startsWith("charset="))) {
                params.add(p);
            }
        }
        return "jdbc:" + scheme + "://" + hostPort + "/" + database
                + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String value(String v, boolean encode, String original) {
        if (encode) {
            return URLEncoder.encode(v, StandardCharsets.UTF_8);
        }
        if (v.contains("&") || v.contains("=")) {
            throw new CliException(
                    ExitCode.USAGE,
                    "storage URL '" + display(original) + "': the MariaDB driver cannot take a user or password "
                            + "containing '&' or '='; write a jdbc:mariadb: URL with the driver's own options");
        }
        return v;
    }
}
