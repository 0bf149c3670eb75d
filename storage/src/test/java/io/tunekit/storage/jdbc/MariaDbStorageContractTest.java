package io.tunekit.storage.jdbc;

import io.tunekit.storage.Storage;
import io.tunekit.storage.contract.StorageContractTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link JdbcStorage} on the MariaDB/MySQL server of TUNEKIT_TEST_MYSQL_URL against the storage contract. */
@EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
class MariaDbStorageContractTest extends StorageContractTest {

    @Override
    protected Storage newStorage() throws Exception {
        ServerDatabases.reset(ServerDatabases.mysqlUrl());
        return Storages.open(ServerDatabases.mysqlUrl());
    }
}
