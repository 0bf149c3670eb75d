package io.tunekit.cli;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code tunekit tell}: Optuna's command of the same name. */
@Command(
        name = "tell",
        mixinStandardHelpOptions = true,
        description = {
            "Finish a trial started by ask: with its objective value(s), or as pruned or failed.",
            "",
            "Without --state, valid values complete the trial; a NaN or a wrong number of values fails it"
                    + " with a warning, and no values at all fails it (as Optuna does). With --state complete the"
                    + " values must be valid (else nothing is written and the status is 2). --state pruned keeps"
                    + " the last reported intermediate value. Telling a finished trial is an error (status 4)"
                    + " unless --skip-if-finished is given."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit tell --storage sqlite:///tuning.db --study-name demo --trial-number 3 --values 0.25",
            "  tunekit tell --study-name mo --trial-number 7 --values 0.1 42",
            "  tunekit tell --study-name demo --trial-number 4 --state fail --skip-if-finished"
        })
final class TellCommand extends TunekitCommand {

    @Option(names = "--study-name", required = true, description = "Name of the study.")
    String studyName;

    @Option(names = "--trial-number", required = true, description = "Number of the trial (as ask printed it).")
    Integer trialNumber;

    @Option(
            names = "--values",
            arity = "1..*",
            converter = PythonFloat.class,
            description = "Objective values, one per objective (Python's float syntax: 0.5, 1e-3, nan, inf).")
    List<Double> values;

    @Option(
            names = "--state",
            converter = StateConverter.class,
            completionCandidates = StateConverter.Names.class,
            description = "complete, pruned or fail.")
    TrialState state;

    @Option(
            names = "--skip-if-finished",
            description = "If the trial is already finished, succeed without changing it.")
    boolean skipIfFinished;

    @Override
    protected int run() {
        if (values != null && (state == TrialState.PRUNED || state == TrialState.FAIL)) {
            throw new CliException(
                    ExitCode.USAGE,
                    "--values cannot be given with --state " + state.name().toLowerCase(Locale.ROOT) + " (a " + state
                            + " trial has no objective values)");
        }
        if (state == TrialState.COMPLETE && values == null) {
            throw new CliException(ExitCode.USAGE, "--state complete needs --values");
        }
        try (Storage storage = openStorage(StorageAccess.EXISTING)) {
            Study study = loadStudy(storage, studyName);
            int count = storage.trialCount(studyId(storage, studyName));
            if (trialNumber < 0 || trialNumber >= count) {
                throw new CliException(
                        ExitCode.NOT_FOUND,
                        "study '" + studyName + "' has no trial " + trialNumber + " (it has " + count + " trials)");
            }
            FrozenTrial trial = study.trial(trialNumber);
            if (trial.state().isFinished()) {
                return finished(trial);
            }
            if (state == TrialState.COMPLETE) {
                requireValid(study, values);
            }
            try {
                FrozenTrial told = tell(study);
                info("Told trial " + trialNumber + " with values " + PythonText.repr(told.values()) + " and state "
                        + told.state() + ".");
            } catch (IllegalStateException e) {
                // Another worker finished it between the check above and this tell.
                FrozenTrial now = study.trial(trialNumber);
                if (now.state().isFinished()) {
                    return finished(now);
                }
                throw e;
            }
        }
        return 0;
    }

    private FrozenTrial tell(Study study) {
        if (state == TrialState.PRUNED || state == TrialState.FAIL) {
            return study.tell(trialNumber, state);
        }
        if (values == null) {
            warn("The value None could not be cast to float.");
            return study.tell(trialNumber, TrialState.FAIL);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        // An invalid value fails the trial; Study logs why as a warning, as Optuna does.
        return study.tell(trialNumber, v);
    }

    private int finished(FrozenTrial trial) {
        if (skipIfFinished) {
            info("Skipped telling trial " + trial.number() + " since it was already finished (" + trial.state() + ").");
            return 0;
        }
        throw new CliException(
                ExitCode.CONFLICT,
                "trial " + trial.number() + " of study '" + studyName + "' is already finished (" + trial.state()
                        + "); nothing changed (use --skip-if-finished in scripts that may tell twice)");
    }

    private static void requireValid(Study study, List<Double> values) {
        int objectives = study.directions().size();
        if (values.size() != objectives) {
            throw new CliException(
                    ExitCode.USAGE,
                    "--values has " + values.size() + " value(s); study '" + study.name() + "' has " + objectives
                            + " objective(s)");
        }
        if (values.stream().anyMatch(v -> v.isNaN())) {
            throw new CliException(ExitCode.USAGE, "--values " + values + ": NaN cannot complete a trial");
        }
    }

    /** Reads complete / pruned / fail in any case. */
    static final class StateConverter implements ITypeConverter<TrialState> {
        @Override
        public TrialState convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "complete" -> TrialState.COMPLETE;
                case "pruned" -> TrialState.PRUNED;
                case "fail" -> TrialState.FAIL;
                default ->
                    throw new TypeConversionException(
                            "'" + value + "' is not a state tell accepts; use complete, pruned or fail");
            };
        }

        /** The choices, for completion. */
        static final class Names implements Iterable<String> {
            @Override
            public java.util.Iterator<String> iterator() {
                return List.of("complete", "pruned", "fail").iterator();
            }
        }
    }
}
