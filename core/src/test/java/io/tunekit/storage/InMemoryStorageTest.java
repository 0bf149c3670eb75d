package io.tunekit.storage;

import io.tunekit.storage.contract.StorageContractTest;

/** {@link InMemoryStorage} against the storage contract. */
class InMemoryStorageTest extends StorageContractTest {

    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
