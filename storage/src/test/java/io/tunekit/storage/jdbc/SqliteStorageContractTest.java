package io.tunekit.storage.jdbc;

import io.tunekit.storage.Storage;
import io.tunekit.storage.contract.StorageContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcStorage} on a SQLite file against the storage contract. */
class SqliteStorageContractTest extends StorageContractTest {

    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Storages.open("sqlite:" + dir.resolve("contract.db"));
    }
}
