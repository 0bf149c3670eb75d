package io.tunekit.cli;

import io.tunekit.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunekit study-names}: Optuna's command of the same name. */
@Command(
        name = "study-names",
        mixinStandardHelpOptions = true,
        description = "Print the names of all studies in the storage, one per line.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit study-names --storage sqlite:///tuning.db",
            "  for s in $(tunekit study-names); do tunekit best-trial --study-name \"$s\" -f json; done"
        })
final class StudyNamesCommand extends TunekitCommand {

    @Mixin
    FormatOptions format;

    @Override
    protected int run() {
        List<String> names;
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            names = storage.studyNames();
        }
        Column name = Column.of("name");
        List<Map<Column, Object>> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(Map.of(name, n));
        }
        // Optuna never flattens this listing.
        println(format.format().render(new Records(rows, List.of(name)), false, false));
        return 0;
    }
}
