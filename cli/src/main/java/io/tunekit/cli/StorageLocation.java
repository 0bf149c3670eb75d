package io.tunekit.cli;

import io.tunekit.storage.Storage;
import io.tunekit.storage.StorageException;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the studies are: the {@code --storage} URL, else {@code TUNEKIT_STORAGE}, else
 * {@code OPTUNA_STORAGE}, translated from Optuna's forms ({@link StorageUrls}) and opened for a
 * one-shot command (one connection, no pool to warm up).
 *
 * @param url the URL as given (may hold a password: print {@link #display()})
 * @param tunekitUrl the URL {@link Storages} opens
 */
record StorageLocation(String url, String tunekitUrl) {

    /**
     * The storage the options and environment name.
     *
     * @throws CliException (USAGE) if none is named or the URL is malformed
     */
    static StorageLocation resolve(String option, Map<String, String> env) {
        String url = option;
        if (url == null || url.isBlank()) {
            url = env.get("TUNEKIT_STORAGE");
        }
        if (url == null || url.isBlank()) {
            url = env.get("OPTUNA_STORAGE");
        }
        if (url == null || url.isBlank()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "no storage given: use --storage URL or set TUNEKIT_STORAGE (e.g. sqlite:///tunekit.db)");
        }
        return of(url);
    }

    /** The storage at this URL (Optuna's or Tunekit's form). */
    static StorageLocation of(String url) {
        return new StorageLocation(url, StorageUrls.toTunekit(url));
    }

    /** The URL without its password. */
    String display() {
        return StorageUrls.display(url);
    }

    /**
     * Opens the storage.
     *
     * @throws CliException STORAGE if it cannot be opened (or, unless {@link StorageAccess#CREATE},
     *     a SQLite file does not exist); USAGE if the URL is not accepted
     */
    Storage open(StorageAccess access) {
        Path file = sqliteFile();
        if (access != StorageAccess.CREATE && file != null && !Files.exists(file)) {
            throw new CliException(
                    ExitCode.STORAGE,
                    "no database file " + file + " (storage " + display() + "); create-study creates one");
        }
        if (file == null) {
            ConnectionPoolLogging.quiet();
        }
        SqliteWarmUp.await(); // the driver is configured before its first connection
        try {
            // One-shot commands use one connection: a pool's extra connections cost start-up time.
            Storages.Builder builder = Storages.builder(tunekitUrl).poolSize(1);
            if (access == StorageAccess.READ_ONLY) {
                builder.readOnly();
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        } catch (StorageException e) {
            throw new CliException(ExitCode.STORAGE, "cannot open storage " + display() + ": " + rootMessage(e), e);
        }
    }

    /** The file of a SQLite URL, or null for a database server. */
    Path sqliteFile() {
        String u = tunekitUrl;
        String path;
        if (u.startsWith("sqlite:///")) {
            path = u.substring("sqlite:///".length());
        } else if (u.startsWith("sqlite:")) {
            path = u.substring("sqlite:".length());
        } else if (u.startsWith("jdbc:sqlite:")) {
            path = u.substring("jdbc:sqlite:".length());
        } else {
            return null;
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        return path.isEmpty() || path.startsWith(":memory:") ? null : Path.of(path);
    }

    /** The connection pool's start and stop lines say nothing a user asked for. */
    private static final class ConnectionPoolLogging {
        /** Held so that its level is not lost when the logger would be garbage-collected. */
        private static final java.util.logging.Logger POOL = java.util.logging.Logger.getLogger("com.zaxxer.hikari");

        static void quiet() {
            POOL.setLevel(java.util.logging.Level.WARNING);
        }
    }

    /** The innermost message: the driver's own words ("Connection refused", "attempt to write a readonly database"). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
