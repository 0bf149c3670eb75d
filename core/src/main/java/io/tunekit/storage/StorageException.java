package io.tunekit.storage;

/** A storage failure that is not the caller's mistake (I/O, a database error after retries). */
public class StorageException extends RuntimeException {

    /** @param message what failed; @param cause the underlying error */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public StorageException(String message) {
        super(message);
    }
}
