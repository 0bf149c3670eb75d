package io.tunekit.storage;

/** Thrown when a study is created under a name the storage already holds. */
public class DuplicatedStudyException extends IllegalStateException {

    private final String studyName;

    /** @param studyName the name that is taken */
    public DuplicatedStudyException(String studyName) {
        super("A study named '" + studyName + "' already exists in the storage "
                + "(load it, or build with loadIfExists(true))");
        this.studyName = studyName;
    }

    /** The name that is taken. */
    public String studyName() {
        return studyName;
    }
}
