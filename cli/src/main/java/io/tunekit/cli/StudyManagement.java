package io.tunekit.cli;

import io.tunekit.Studies;
import io.tunekit.StudySummary;
import io.tunekit.storage.Storage;
import java.util.List;

/** The study-management operations the commands use, in one place. */
final class StudyManagement {

    private StudyManagement() {}

    static List<StudySummary> summaries(Storage storage) {
        return Studies.summaries(storage);
    }

    static void delete(Storage storage, String name) {
        Studies.delete(storage, TunekitCommand.requireName(name));
    }

    static void copy(Storage from, String fromName, Storage to, String toName) {
        Studies.copy(from, fromName, to, toName);
    }
}
