package io.tunekit.cli;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.analysis.importance.Fanova;
import io.tunekit.analysis.importance.Importance;
import io.tunekit.analysis.importance.ImportanceEvaluator;
import io.tunekit.analysis.importance.MeanDecreaseImpurity;
import io.tunekit.analysis.importance.ParamImportance;
import io.tunekit.analysis.importance.ParamImportances;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.OptunaJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tunekit importance}: which parameters mattered, from Tunekit's analysis module. The JSON
 * output is the mapping Optuna's {@code optuna.importance.get_param_importances} returns.
 */
@Command(
        name = "importance",
        mixinStandardHelpOptions = true,
        description = {
            "Print how much each parameter mattered to a study's objective, most important first, from its"
                    + " COMPLETE trials; the importances sum to 1 (Optuna's get_param_importances).",
            "",
            "-f json prints Optuna's ordered mapping {\"param\": importance, ...}; with --intervals each"
                    + " parameter maps to {\"importance\", \"lower\", \"upper\"}, a 95%% bootstrap interval over"
                    + " the trials. -f table and -f value print one row per parameter (with 'lower' and"
                    + " 'upper' columns when intervals are asked for); -f yaml the mapping, keys sorted."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit importance --storage sqlite:///tunekit-examples.db --study-name lr-accuracy-tpe",
            "  tunekit importance --study-name lr -f json                    # => {\"C\": 0.98, \"penalty\": 0.02}",
            "  tunekit importance --study-name lr --evaluator fanova --seed 1 --intervals 200",
            "  tunekit importance --study-name mo --objective 1 --params lr,depth -f value"
        })
final class ImportanceCommand extends TunekitCommand {

    @Option(
            names = {"--study-name", "--study"},
            required = true,
            paramLabel = "NAME",
            description = "The study to analyse.")
    String studyName;

    @Option(
            names = "--evaluator",
            defaultValue = "ped-anova",
            paramLabel = "NAME",
            converter = EvaluatorConverter.class,
            completionCandidates = EvaluatorNames.class,
            description = "ped-anova (default, as Optuna 5.0), fanova or mdi (mean decrease impurity).")
    ImportanceEvaluator evaluator;

    @Option(
            names = "--params",
            split = ",",
            paramLabel = "NAME",
            description = "Assess only these parameters, comma-separated (default: every parameter).")
    List<String> params;

    @Option(
            names = "--objective",
            paramLabel = "INDEX",
            description = "The objective to explain, counted from 0; required for a multi-objective study.")
    Integer objective;

    @Option(
            names = "--intervals",
            paramLabel = "RESAMPLES",
            description = "Add a 95%% bootstrap interval to each importance, from this many resamples of the trials"
                    + " (at least 20; 200 is a good start).")
    Integer intervals;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            description = "Seed of the fanova and mdi forests and of the bootstrap resamples (default: 0).")
    Long seed;

    @Mixin
    FormatOptions format;

    @Override
    protected int run() {
        // Everything the user typed is checked before the storage is opened.
        Importance.Builder builder = Importance.builder().evaluator(seeded(evaluator));
        if (params != null) {
            builder.params(params);
        }
        if (intervals != null) {
            try {
                builder.withIntervals(intervals);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, "--intervals " + intervals + ": " + e.getMessage(), e);
            }
        }
        if (seed != null) {
            builder.intervalSeed(seed);
        }
        ParamImportances importances;
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            Study study = loadStudy(storage, studyName);
            List<FrozenTrial> trials = study.trials();
            target(builder, study.directions());
            requireKnownParams(trials);
            try {
                importances = builder.evaluate(trials, study.directions());
            } catch (IllegalArgumentException e) {
                throw new CliException(
                        ExitCode.CONFLICT,
                        "study '" + studyName + "': importance cannot be computed: " + e.getMessage(),
                        e);
            }
        }
        println(render(importances));
        return 0;
    }

    /** The evaluator with {@code --seed} as its forest's seed (PED-ANOVA draws nothing at random). */
    private ImportanceEvaluator seeded(ImportanceEvaluator chosen) {
        if (seed == null) {
            return chosen;
        }
        if (chosen instanceof Fanova f) {
            return f.withSeed(seed);
        }
        if (chosen instanceof MeanDecreaseImpurity m) {
            return m.withSeed(seed);
        }
        return chosen;
    }

    /** Explains {@code --objective}, which a multi-objective study must name. */
    private void target(Importance.Builder builder, List<Direction> directions) {
        if (objective == null) {
            if (directions.size() > 1) {
                throw new CliException(
                        ExitCode.USAGE,
                        "study '" + studyName + "' has " + directions.size()
                                + " objectives: name the one to explain with --objective 0.."
                                + (directions.size() - 1));
            }
            return;
        }
        if (objective < 0 || objective >= directions.size()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "--objective " + objective + " must be in [0, " + (directions.size() - 1) + "]: study '" + studyName
                            + "' has " + directions.size() + " objective" + (directions.size() == 1 ? "" : "s"));
        }
        int k = objective;
        builder.target(t -> t.values().get(k), directions.get(k));
    }

    /** A parameter of {@code --params} that no COMPLETE trial has is a name the study does not know. */
    private void requireKnownParams(List<FrozenTrial> trials) {
        if (params == null) {
            return;
        }
        TreeSet<String> known = new TreeSet<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE) {
                known.addAll(t.params().keySet());
            }
        }
        for (String name : params) {
            if (!known.contains(name)) {
                throw new CliException(
                        ExitCode.NOT_FOUND,
                        "--params: study '" + studyName + "' has no parameter '" + name
                                + "' in its COMPLETE trials; they have " + known);
            }
        }
    }

    private String render(ParamImportances importances) {
        boolean withIntervals = intervals != null;
        OutputFormat chosen = format.format();
        if (chosen == OutputFormat.JSON || chosen == OutputFormat.YAML) {
            Map<String, Object> mapping = new LinkedHashMap<>();
            for (ParamImportance p : importances.ranking()) {
                mapping.put(p.param(), withIntervals ? withInterval(p) : p.importance());
            }
            return chosen == OutputFormat.JSON ? OptunaJson.dumps(mapping) : Yaml.dump(mapping);
        }
        Column param = Column.of("param");
        Column importance = Column.of("importance");
        Column lower = Column.of("lower");
        Column upper = Column.of("upper");
        List<Map<Column, Object>> rows = new ArrayList<>();
        for (ParamImportance p : importances.ranking()) {
            Map<Column, Object> row = new LinkedHashMap<>();
            row.put(param, p.param());
            row.put(importance, p.importance());
            p.interval().ifPresent(i -> {
                row.put(lower, i.lower());
                row.put(upper, i.upper());
            });
            rows.add(row);
        }
        List<Column> columns = withIntervals ? List.of(param, importance, lower, upper) : List.of(param, importance);
        return format.render(new Records(rows, columns), false);
    }

    private static Map<String, Object> withInterval(ParamImportance p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("importance", p.importance());
        p.interval().ifPresent(i -> {
            fields.put("lower", i.lower());
            fields.put("upper", i.upper());
        });
        return fields;
    }

    /** The evaluator names as users type them. */
    static final class EvaluatorNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("ped-anova", "fanova", "mdi").iterator();
        }
    }

    /** Reads an evaluator name with the analysis module's own rule. */
    static final class EvaluatorConverter implements ITypeConverter<ImportanceEvaluator> {
        @Override
        public ImportanceEvaluator convert(String value) {
            try {
                return ImportanceEvaluator.forLabel(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
