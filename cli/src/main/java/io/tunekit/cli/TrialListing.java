package io.tunekit.cli;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shared part of {@code trials}, {@code best-trial} and {@code best-trials}: the study, the
 * format options, and Optuna's columns (number, value(s), datetimes, duration, params, user
 * attributes, state) for every trial of the study.
 */
abstract class TrialListing extends TunekitCommand {

    @Option(names = "--study-name", required = true, description = "The name of the study.")
    String studyName;

    @Mixin
    FormatOptions format;

    /** The trials to print, given every trial of the study. */
    abstract List<FrozenTrial> select(Study study, List<FrozenTrial> all);

    /** Whether one record is printed (JSON and YAML then print an object, not a list). */
    boolean single() {
        return false;
    }

    @Override
    protected int run() {
        Records records;
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            Study study = loadStudy(storage, studyName);
            List<FrozenTrial> all = study.trials();
            List<FrozenTrial> chosen = select(study, all);
            Map<String, Object> systemAttrs = storage.studySystemAttrs(studyId(storage, studyName));
            // Optuna derives the columns from every trial, then prints the chosen rows.
            Records table = TrialRecords.of(
                    all,
                    study.directions(),
                    TrialRecords.metricNames(systemAttrs, study.directions().size()),
                    TrialRecords.CLI);
            Set<Integer> numbers = new java.util.HashSet<>();
            chosen.forEach(t -> numbers.add(t.number()));
            List<Map<Column, Object>> rows = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (numbers.contains(all.get(i).number())) {
                    rows.add(table.rows().get(i));
                }
            }
            records = TrialRecords.forCli(new Records(rows, table.columns()));
        }
        println(format.render(records, single()));
        return 0;
    }

    /** Every COMPLETE trial, for the best-trial rules. */
    static List<FrozenTrial> complete(List<FrozenTrial> all) {
        Set<TrialState> states = EnumSet.of(TrialState.COMPLETE);
        return all.stream().filter(t -> states.contains(t.state())).toList();
    }
}
