package io.tunekit.storage.jdbc;

import io.tunekit.storage.Storage;
import io.tunekit.storage.contract.StorageContractTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link JdbcStorage} on the PostgreSQL server of TUNEKIT_TEST_POSTGRES_URL against the storage contract. */
@EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
class PostgresStorageContractTest extends StorageContractTest {

    @Override
    protected Storage newStorage() throws Exception {
        ServerDatabases.reset(ServerDatabases.postgresUrl());
        return Storages.open(ServerDatabases.postgresUrl());
    }
}
