package io.tunekit;

/**
 * Thrown by {@link Study#ask()} when the storage refused to create a trial because a limit of
 * the study is reached: its study-wide trial budget, or every point of a grid is taken.
 * {@link Study#optimize} treats it as the normal end of the loop.
 */
public class StudyExhaustedException extends IllegalStateException {

    /** @param message which limit is reached */
    public StudyExhaustedException(String message) {
        super(message);
    }
}
