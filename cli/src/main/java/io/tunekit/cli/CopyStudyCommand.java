package io.tunekit.cli;

import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunekit copy-study}: Optuna's {@code copy_study} between any two storages. */
@Command(
        name = "copy-study",
        mixinStandardHelpOptions = true,
        description = {
            "Copy a study with all its trials into another storage (or the same one under another name):"
                    + " directions, user and system attributes, and every trial with its parameters, values,"
                    + " intermediate values and attributes. Trial numbers stay 0..N-1 in order.",
            "",
            "The target study must not exist; if the copy fails half-way, the partial copy is deleted."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit copy-study --storage sqlite:///laptop.db --study-name lr \\",
            "      --to-storage postgresql://me:secret@db.example.com/tuning",
            "  tunekit copy-study --study-name lr --to-storage sqlite:///backup.db --to-study-name lr-2026-01-02"
        })
final class CopyStudyCommand extends TunekitCommand {

    @Option(names = "--study-name", required = true, description = "The study to copy (in --storage).")
    String studyName;

    @Option(names = "--to-storage", required = true, paramLabel = "URL", description = "The storage to copy into.")
    String toStorage;

    @Option(names = "--to-study-name", description = "The name in the target (default: the same name).")
    String toStudyName;

    @Override
    protected int run() {
        String targetName = toStudyName == null ? studyName : toStudyName;
        StorageLocation target = StorageLocation.of(toStorage);
        try (Storage from = openStorage(StorageAccess.READ_ONLY)) {
            studyId(from, studyName); // the source exists before the target is touched
            try (Storage to = target.open(StorageAccess.CREATE)) {
                if (to.findStudy(targetName).isPresent()) {
                    throw new CliException(
                            ExitCode.CONFLICT,
                            "the target " + target.display() + " already has a study named '" + targetName
                                    + "'; choose another --to-study-name or delete it first");
                }
                try {
                    StudyManagement.copy(from, studyName, to, targetName);
                } catch (DuplicatedStudyException e) {
                    throw e; // created meanwhile by someone else: not ours to delete
                } catch (RuntimeException e) {
                    to.findStudy(targetName).ifPresent(to::deleteStudy);
                    throw e;
                }
            }
        }
        return 0;
    }
}
