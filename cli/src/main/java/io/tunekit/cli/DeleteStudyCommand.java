package io.tunekit.cli;

import io.tunekit.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunekit delete-study}: Optuna's command of the same name. */
@Command(
        name = "delete-study",
        mixinStandardHelpOptions = true,
        description = "Delete a study with all its trials.",
        footerHeading = "%nExamples:%n",
        footer = {"  tunekit delete-study --storage sqlite:///tuning.db --study-name old-run"})
final class DeleteStudyCommand extends TunekitCommand {

    @Option(names = "--study-name", required = true, description = "The name of the study to delete.")
    String studyName;

    @Override
    protected int run() {
        try (Storage storage = openStorage(StorageAccess.EXISTING)) {
            StudyManagement.delete(storage, studyName);
        }
        return 0;
    }
}
