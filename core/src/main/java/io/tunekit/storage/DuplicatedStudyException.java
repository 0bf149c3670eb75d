package io.tunekit.storage;

/**
 * Thrown when a study is created under a name the storage already holds. Storages throw it with
 * the plain fact; the caller that knows what the user was doing ({@code Study.Builder.build},
 * {@code Studies.copy}) rethrows it with a message that says what to do instead.
 */
public class DuplicatedStudyException extends IllegalStateException {

    private final String studyName;

    /** @param studyName the name that is taken */
    public DuplicatedStudyException(String studyName) {
        this(studyName, "A study named '" + studyName + "' already exists in the storage");
    }

    /**
     * @param studyName the name that is taken
     * @param message the whole message, with a hint fitting the caller's operation
     */
    public DuplicatedStudyException(String studyName, String message) {
        super(message);
        this.studyName = studyName;
    }

    /** The name that is taken. */
    public String studyName() {
        return studyName;
    }
}
