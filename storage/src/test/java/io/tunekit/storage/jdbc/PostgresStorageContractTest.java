package io.tunekit.storage.jdbc;

import io.tunekit.storage.Storage;
import io.tunekit.storage.contract.StorageContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link JdbcStorage} on the PostgreSQL server of TUNEKIT_TEST_POSTGRES_URL: the storage contract, in a database
 * of its own (created and dropped here).
 */
@EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
class PostgresStorageContractTest extends StorageContractTest {

    private static ServerDatabases.TestDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ServerDatabases.TestDatabase.create(ServerDatabases.postgresUrl());
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Override
    protected Storage newStorage() throws Exception {
        database.reset();
        return Storages.open(database.url());
    }
}
