package io.tunekit.storage;

/** {@link InMemoryStorage} against the storage contract. */
class InMemoryStorageTest extends StorageContractTest {

    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
