package io.tunekit.storage;

import java.util.NoSuchElementException;

/** Thrown when a study name or id is not in the storage. */
public class UnknownStudyException extends NoSuchElementException {

    /** @param what the name or id that was looked up */
    public UnknownStudyException(String what) {
        super("No study " + what + " in the storage");
    }
}
