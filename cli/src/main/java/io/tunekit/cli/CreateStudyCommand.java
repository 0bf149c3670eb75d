package io.tunekit.cli;

import io.tunekit.Direction;
import io.tunekit.Study;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.Storage;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunekit create-study}: Optuna's command of the same name. */
@Command(
        name = "create-study",
        mixinStandardHelpOptions = true,
        description = "Create a new study and print its name (a generated one if --study-name is not given).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit create-study --storage sqlite:///tuning.db --study-name lr --direction maximize",
            "  tunekit create-study --study-name mo --directions minimize maximize",
            "  tunekit create-study --study-name lr --skip-if-exists   # in a script run twice"
        })
final class CreateStudyCommand extends TunekitCommand {

    @Option(names = "--study-name", description = "A human-readable name of the study; unique in the storage.")
    String studyName;

    @Option(
            names = "--direction",
            converter = Directions.class,
            completionCandidates = Directions.Names.class,
            description = "minimize (default) or maximize.")
    Direction direction;

    @Option(
            names = "--directions",
            arity = "1..*",
            converter = Directions.class,
            completionCandidates = Directions.Names.class,
            description = "One direction per objective, for a multi-objective study: minimize or maximize each.")
    List<Direction> directions;

    @Option(
            names = "--skip-if-exists",
            description =
                    "If the name is taken, print it and succeed (the directions must then match the stored ones).")
    boolean skipIfExists;

    @Override
    protected int run() {
        if (direction != null && directions != null) {
            throw new CliException(ExitCode.USAGE, "give either --direction or --directions, not both");
        }
        List<Direction> wanted = directions != null ? directions : direction != null ? List.of(direction) : null;
        try (Storage storage = openStorage(StorageAccess.CREATE)) {
            Study.Builder builder = Study.builder().storage(storage).loadIfExists(skipIfExists);
            if (studyName != null) {
                builder.name(studyName);
            }
            if (wanted != null) {
                builder.directions(wanted.toArray(Direction[]::new));
            }
            try {
                println(builder.build().name());
            } catch (DuplicatedStudyException e) {
                throw new CliException(
                        ExitCode.CONFLICT,
                        "a study named '" + e.studyName() + "' already exists in "
                                + location().display() + "; --skip-if-exists reuses it",
                        e);
            }
        }
        return 0;
    }
}
