package io.tunekit.examples.logreg;

import io.tunekit.examples.ExampleMain;
import io.tunekit.examples.ProgressOption;
import io.tunekit.examples.ml.CrossValidation;
import io.tunekit.examples.ml.Dataset;
import io.tunekit.examples.ml.Datasets;
import io.tunekit.examples.ml.Metric;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The classic tuning story: an L1/L2 logistic regression on the breast-cancer data (or the
 * user's CSV), scored by stratified k-fold cross-validation with a metric of the user's choice,
 * tuned by the textbook grid, by random search and by TPE with the same budget, each in its own
 * study of one SQLite file; prints a side-by-side table.
 */
@Command(
        name = "logistic-regression",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Tunes an L1/L2-regularised logistic regression by stratified k-fold cross-validation with "
                    + "grid search (C in {0.1, 1, 10, 100} x penalty in {l1, l2}), random search and TPE "
                    + "(C log-uniform in [1e-3, 1e3], penalty l1/l2), one study per method in one storage, "
                    + "and prints a comparison table. With --terminate: one TPE study that stops on its own when "
                    + "the regret bound falls below the cross-validation error, then which parameters mattered."
        })
public final class LogisticRegressionExample implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--metric",
            defaultValue = "accuracy",
            converter = MetricConverter.class,
            description = "accuracy, precision, recall, f1 or roc_auc (default: ${DEFAULT-VALUE})")
    private Metric metric;

    @Option(
            names = "--trials",
            defaultValue = "8",
            description = "trials per method; the grid stops after its 8 points (default: ${DEFAULT-VALUE})")
    private int trials;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    private int folds;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "seed of the folds and the samplers (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(
            names = "--storage",
            defaultValue = "sqlite:tunekit-examples.db",
            description = "storage URL: sqlite:PATH, jdbc:postgresql:..., jdbc:mariadb:... (default: ${DEFAULT-VALUE})")
    private String storageUrl;

    @Option(
            names = "--csv",
            paramLabel = "PATH",
            description = "your own data: comma-separated numbers, an optional header line (default: breast-cancer)")
    private Path csv;

    @Option(
            names = "--label-column",
            defaultValue = "-1",
            paramLabel = "N",
            description = "0-based column of the class label in --csv; -1 is the last (default: ${DEFAULT-VALUE})")
    private int labelColumn;

    @Option(
            names = "--terminate",
            description = "instead of the comparison: one TPE study of at most --max-trials trials that stops when"
                    + " the regret bound of a GP over the trials falls below the cross-validation error of the"
                    + " best trial; prints at which trial and why, and the parameters' importances")
    private boolean terminate;

    @Option(
            names = "--max-trials",
            defaultValue = "100",
            description = "the budget of the --terminate study (default: ${DEFAULT-VALUE})")
    private int maxTrials;

    @Mixin
    private ProgressOption progress;

    /** Usage: {@code logistic-regression [--metric M] [--trials N] [--csv PATH --label-column N] ...}. */
    public static void main(String[] args) {
        ExampleMain.run(new LogisticRegressionExample(), args);
    }

    @Override
    public Integer call() {
        if (trials <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trials=" + trials + " must be > 0");
        }
        if (maxTrials <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-trials=" + maxTrials + " must be > 0");
        }
        Dataset data = csv == null ? Datasets.breastCancer() : Datasets.readCsv(csv, labelColumn);
        String dataName = csv == null ? "breast-cancer" : csv.getFileName().toString();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Data: %s, %d rows x %d features, classes %s; the positive class is '%s'%n",
                dataName,
                data.rows(),
                data.featureCount(),
                classes(data),
                data.classNames().get(data.classCount() - 1));
        CrossValidation crossValidation = CrossValidation.stratified(data, folds, seed);
        if (terminate) {
            out.printf(
                    "%d-fold stratified cross-validation, metric %s, TPE with the terminator, at most %d trials,"
                            + " storage %s%n",
                    folds, metric.label(), maxTrials, storageUrl);
            out.flush();
            try (Storage storage = Storages.open(storageUrl)) {
                String name = "lr-" + metric.label() + "-terminated";
                new TerminatedTuning(storage, name, progress.show()).run(crossValidation, metric, maxTrials, seed, out);
                out.printf("%nStudy %s is in %s.%n", name, storageUrl);
            }
            out.flush();
            return 0;
        }
        out.printf(
                "%d-fold stratified cross-validation, metric %s, %d trials per method, storage %s%n",
                folds, metric.label(), trials, storageUrl);
        out.flush();
        try (Storage storage = Storages.open(storageUrl)) {
            List<MethodResult> results =
                    new MethodComparison(storage, "lr", progress.show()).run(crossValidation, metric, trials, seed);
            out.println();
            out.print(ComparisonTable.format(metric, results));
            out.printf(
                    "%nStudies %s are in %s.%n",
                    results.stream().map(MethodResult::studyName).collect(Collectors.joining(", ")), storageUrl);
        }
        out.flush();
        return 0;
    }

    private static String classes(Dataset data) {
        int[] counts = data.classCounts();
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < data.classCount(); c++) {
            out.append(c == 0 ? "" : ", ")
                    .append(data.classNames().get(c))
                    .append(" (")
                    .append(counts[c])
                    .append(')');
        }
        return out.toString();
    }

    /** Converts a metric name for picocli, with the list of valid names in the error. */
    static final class MetricConverter implements CommandLine.ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            try {
                return Metric.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
