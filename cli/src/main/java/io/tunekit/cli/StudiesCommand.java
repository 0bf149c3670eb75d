package io.tunekit.cli;

import io.tunekit.Direction;
import io.tunekit.StudySummary;
import io.tunekit.storage.Storage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunekit studies}: Optuna's command of the same name. */
@Command(
        name = "studies",
        mixinStandardHelpOptions = true,
        description = "List the studies: name, directions, number of trials, first trial's start"
                + " (and user attributes when a study has some).",
        footerHeading = "%nExamples:%n",
        footer = {"  tunekit studies --storage sqlite:///tuning.db", "  tunekit studies -f json --flatten"})
final class StudiesCommand extends TunekitCommand {

    @Mixin
    FormatOptions format;

    @Override
    protected int run() {
        List<StudySummary> summaries;
        Map<Long, Map<String, Object>> userAttrs = new java.util.HashMap<>();
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            summaries = StudyManagement.summaries(storage);
            // The storage's map keeps the attributes' stored order, which Optuna prints (the
            // summary's copy does not).
            for (StudySummary s : summaries) {
                userAttrs.put(s.studyId(), storage.studyUserAttrs(s.studyId()));
            }
        }
        Column name = Column.of("name");
        Column direction = Column.of("direction");
        Column trials = Column.of("n_trials");
        Column start = Column.of("datetime_start");
        Column userAttrsColumn = Column.of("user_attrs");
        List<Map<Column, Object>> rows = new ArrayList<>();
        boolean anyAttrs = false;
        for (StudySummary s : summaries) {
            Map<Column, Object> row = new LinkedHashMap<>();
            row.put(name, s.name());
            row.put(
                    direction,
                    new PyTuple(new ArrayList<>(
                            s.directions().stream().map(Direction::name).toList())));
            row.put(trials, s.trialCount());
            row.put(start, s.datetimeStart().map(PythonText::datetime).orElse(null));
            Map<String, Object> attrs = userAttrs.getOrDefault(s.studyId(), s.userAttrs());
            row.put(userAttrsColumn, attrs);
            anyAttrs |= !attrs.isEmpty();
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(List.of(name, direction, trials, start));
        if (anyAttrs) {
            columns.add(userAttrsColumn);
        }
        println(format.render(new Records(rows, columns), false));
        return 0;
    }
}
