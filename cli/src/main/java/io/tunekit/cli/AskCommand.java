package io.tunekit.cli;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.tpe.TpeSampler;
import io.tunekit.storage.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunekit ask}: Optuna's command of the same name. */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Start a new trial, sample its parameters and print its number and parameters.",
            "",
            "The study must exist (create-study). The sampler is TPESampler unless --sampler names another"
                    + " by Optuna's class name: RandomSampler, TPESampler, GPSampler, CmaEsSampler, QMCSampler,"
                    + " NSGAIISampler, NSGAIIISampler, BruteForceSampler or GridSampler, with Optuna's keyword"
                    + " arguments in --sampler-kwargs (those JSON can carry; NSGA's 'crossover' is a class name such"
                    + " as \"SBXCrossover\"). Each ask is a new process, so a 'seed' is combined with the number of"
                    + " trials in the study: successive asks differ, and a replayed script repeats its values."
                    + " Nothing is written when an option is wrong or a parameter's distribution conflicts with"
                    + " the one stored in the study."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit ask --storage sqlite:///tuning.db --study-name demo \\",
            "      --search-space '{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -10, \"high\": 10}},",
            "                       \"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 8}},",
            "                       \"opt\": {\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"sgd\", \"adam\"]}}}'",
            "  # => {\"number\": 0, \"params\": {\"x\": 3.27, \"n\": 5, \"opt\": \"adam\"}}",
            "  tunekit ask --study-name demo --sampler RandomSampler --sampler-kwargs '{\"seed\": 42}' \\",
            "      --search-space \"$SPACE\" -f value --flatten    # => 1 3.27 5 adam",
            "  tunekit ask --study-name demo --sampler CmaEsSampler \\",
            "      --sampler-kwargs '{\"sigma0\": 0.2, \"popsize\": 8, \"restart_strategy\": \"ipop\"}' --search-space \"$SPACE\"",
            "  tunekit ask --study-name two-objectives --sampler NSGAIISampler \\",
            "      --sampler-kwargs '{\"population_size\": 20, \"crossover\": \"SBXCrossover\"}' --search-space \"$SPACE\""
        })
final class AskCommand extends TunekitCommand {

    @Option(names = "--study-name", required = true, description = "Name of the study.")
    String studyName;

    @Option(
            names = "--sampler",
            completionCandidates = SamplerNames.class,
            description = "Class name of the sampler, as in Optuna: RandomSampler, TPESampler (default), GPSampler,"
                    + " CmaEsSampler, QMCSampler, NSGAIISampler, NSGAIIISampler, BruteForceSampler, GridSampler.")
    String sampler;

    @Option(
            names = "--sampler-kwargs",
            paramLabel = "JSON",
            description =
                    "The sampler's keyword arguments as a JSON object, e.g. '{\"seed\": 42, \"n_startup_trials\": 5}'.")
    String samplerKwargs;

    @Option(
            names = "--search-space",
            paramLabel = "JSON",
            description = "Parameter name -> distribution in Optuna's distribution_to_json form (FloatDistribution,"
                    + " IntDistribution, CategoricalDistribution with their attributes).")
    String searchSpace;

    @Mixin
    FormatOptions format;

    /** The sampler names, for shell completion. */
    static final class SamplerNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SamplerFactory.names().iterator();
        }
    }

    @Override
    protected int run() {
        // Everything the user typed is checked before the storage is touched.
        Map<String, Distribution> space = searchSpace == null ? Map.of() : JsonArguments.searchSpace(searchSpace);
        Map<String, Object> kwargs =
                samplerKwargs == null ? Map.of() : JsonArguments.object("--sampler-kwargs", samplerKwargs);
        if (samplerKwargs != null && sampler == null) {
            throw new CliException(ExitCode.USAGE, "--sampler-kwargs is set without --sampler; name the sampler too");
        }
        if (sampler != null) {
            SamplerFactory.create(sampler, kwargs, 0); // validates the name and the arguments
        }
        Map<Column, Object> row = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        try (Storage storage = openStorage(StorageAccess.EXISTING)) {
            long id = storage.findStudy(TunekitCommand.requireName(studyName))
                    .orElseThrow(() -> new CliException(
                            ExitCode.NOT_FOUND,
                            "no study named '" + studyName + "' in "
                                    + location().display()
                                    + "; create it first with 'tunekit create-study --study-name " + studyName + "'"));
            Sampler chosen =
                    sampler == null ? new TpeSampler() : SamplerFactory.create(sampler, kwargs, storage.trialCount(id));
            Study study = Study.builder()
                    .name(studyName)
                    .storage(storage)
                    .sampler(chosen)
                    .load();
            requireCompatible(study, space);
            Trial trial = study.ask();
            try {
                space.forEach(trial::suggest);
            } catch (RuntimeException e) {
                // The sampler refused the space only once the trial existed: end it rather than
                // leave a RUNNING trial no one will tell.
                study.tell(trial, TrialState.FAIL);
                throw new CliException(
                        Tunekit.classify(e),
                        e.getMessage() + " (trial " + trial.number() + " was started and is now marked FAIL)",
                        e);
            }
            info("Asked trial " + trial.number() + " with parameters " + PythonText.repr(trial.params()) + ".");
            Column number = Column.of("number");
            row.put(number, trial.number());
            columns.add(number);
            if (trial.params().isEmpty() && !format.flatten) {
                Column params = Column.of("params");
                row.put(params, Map.of());
                columns.add(params);
            }
            for (Map.Entry<String, Object> p : trial.params().entrySet()) {
                Column c = new Column("params", p.getKey());
                row.put(c, p.getValue());
                columns.add(c);
            }
        }
        println(format.render(Records.single(row, columns), true));
        return 0;
    }

    /**
     * Refuses, before a trial is created, a distribution that the storage would refuse after:
     * one of another kind, log scale or choice set than the one first stored under the name.
     */
    private static void requireCompatible(Study study, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return;
        }
        Map<String, Distribution> first = new HashMap<>();
        for (FrozenTrial t : study.trials()) {
            for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
                first.putIfAbsent(e.getKey(), e.getValue());
            }
            if (first.keySet().containsAll(space.keySet())) {
                break;
            }
        }
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            Distribution stored = first.get(e.getKey());
            if (stored != null) {
                try {
                    Distribution.requireCompatible(e.getKey(), stored, e.getValue());
                } catch (IllegalArgumentException ex) {
                    throw new CliException(ExitCode.CONFLICT, "--search-space: " + ex.getMessage(), ex);
                }
            }
        }
    }
}
