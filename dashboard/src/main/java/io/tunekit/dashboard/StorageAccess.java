package io.tunekit.dashboard;

import io.tunekit.storage.Storage;
import io.tunekit.storage.StorageException;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The storage a dashboard reads, opened on first use and again after a failed attempt: a
 * dashboard started while its database is down shows the reason on every page and starts
 * working once the database is up, without a restart.
 */
final class StorageAccess implements AutoCloseable {

    private final Supplier<? extends Storage> opener;
    private final boolean owned;
    private Storage storage;

    private StorageAccess(Supplier<? extends Storage> opener, Storage storage, boolean owned) {
        this.opener = opener;
        this.storage = storage;
        this.owned = owned;
    }

    /** A storage the caller opened and closes. */
    static StorageAccess of(Storage storage) {
        return new StorageAccess(null, Objects.requireNonNull(storage, "storage"), false);
    }

    /** The storage at a URL, opened read-only when first needed and closed with this. */
    static StorageAccess of(String url) {
        Storages.builder(url); // a malformed URL is the caller's mistake: say so now, not on every page
        return opening(() -> {
            Path sqliteFile = sqliteFile(url);
            if (sqliteFile != null && !Files.isRegularFile(sqliteFile)) {
                // Opening would create an empty database: a dashboard only reads.
                throw new StorageException("There is no SQLite database at " + sqliteFile.toAbsolutePath()
                        + " (the dashboard reads studies and never creates a database)");
            }
            return Storages.builder(url).readOnly().build();
        });
    }

    /** The storage {@code opener} opens when first needed (and again after a failure), closed with this. */
    static StorageAccess opening(Supplier<? extends Storage> opener) {
        return new StorageAccess(Objects.requireNonNull(opener, "opener"), null, true);
    }

    /**
     * The storage.
     *
     * @throws StorageException saying why it cannot be opened
     */
    synchronized Storage get() {
        if (storage == null) {
            try {
                storage = Objects.requireNonNull(opener.get(), "the storage opener returned null");
            } catch (StorageException e) {
                throw e;
            } catch (RuntimeException e) {
                // A connection pool reports an unreachable server with its own exception type.
                throw new StorageException("Cannot open the storage: " + DashboardServer.causes(e), e);
            }
        }
        return storage;
    }

    /** The file of a SQLite URL (the forms {@link Storages#builder} accepts), or null. */
    private static Path sqliteFile(String url) {
        String u = url.trim();
        for (String prefix : new String[] {"sqlite:///", "jdbc:sqlite:", "sqlite:"}) {
            if (u.startsWith(prefix)) {
                String path = u.substring(prefix.length());
                int query = path.indexOf('?');
                return Path.of(query < 0 ? path : path.substring(0, query));
            }
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (owned && storage != null) {
            storage.close();
            storage = null;
        }
    }
}
