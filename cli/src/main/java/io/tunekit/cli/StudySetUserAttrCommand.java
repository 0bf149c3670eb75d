package io.tunekit.cli;

import io.tunekit.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunekit study set-user-attr}: Optuna's command of the same name. */
@Command(
        name = "set-user-attr",
        mixinStandardHelpOptions = true,
        description = "Set a user attribute of a study (the value is stored as a string, as Optuna does).",
        footerHeading = "%nExamples:%n",
        footer = {"  tunekit study set-user-attr --study-name lr --key dataset --value mnist"})
final class StudySetUserAttrCommand extends TunekitCommand {

    @Option(names = "--study-name", required = true, description = "The study to set the attribute of.")
    String studyName;

    @Option(
            names = {"--key", "-k"},
            required = true,
            description = "Key of the user attribute.")
    String key;

    @Option(names = "--value", required = true, description = "Value to be set.")
    String value;

    @Override
    protected int run() {
        try (Storage storage = openStorage(StorageAccess.EXISTING)) {
            storage.setStudyUserAttr(studyId(storage, studyName), key, value);
        }
        info("Attribute successfully written.");
        return 0;
    }
}
