package io.tunekit.examples.distributed;

import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.examples.ExampleLogging;
import io.tunekit.examples.logreg.LogisticRegressionObjective;
import io.tunekit.examples.ml.CrossValidation;
import io.tunekit.examples.ml.Datasets;
import io.tunekit.examples.ml.Metric;
import io.tunekit.samplers.tpe.TpeSampler;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One worker process of the {@code distributed} example: loads the shared study by name from
 * the shared storage and runs its trials of the logistic-regression objective, recording its
 * id in each trial's user attribute {@code worker}. It knows nothing of the other workers: all
 * coordination goes through the storage.
 */
@Command(
        name = "distributed-worker",
        mixinStandardHelpOptions = true,
        description = "A worker of the distributed example (started by it; you can also start more by hand).")
public final class DistributedWorker implements Callable<Integer> {

    /** The trial user attribute holding the id of the worker that ran the trial. */
    public static final String WORKER_ATTR = "worker";

    @Option(names = "--storage", required = true, description = "the shared storage URL")
    private String storageUrl;

    @Option(names = "--study", required = true, description = "the shared study's name")
    private String studyName;

    @Option(names = "--trials", required = true, description = "trials this worker runs")
    private int trials;

    @Option(names = "--worker-id", required = true, description = "this worker's id")
    private int workerId;

    @Option(names = "--seed", defaultValue = "42", description = "base seed; the worker adds its id")
    private long seed;

    /** Runs a worker; exits with a non-zero status if it fails. */
    public static void main(String[] args) {
        int code = new CommandLine(new DistributedWorker()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() {
        ExampleLogging.configure("worker " + workerId + " ");
        LogisticRegressionObjective objective = new LogisticRegressionObjective(
                CrossValidation.stratified(Datasets.breastCancer(), 5, seed), Metric.ACCURACY);
        try (Storage storage = Storages.open(storageUrl)) {
            Study study = Study.builder()
                    .name(studyName)
                    .storage(storage)
                    // Each worker its own seed: the same seed everywhere would propose the same points.
                    // The constant liar makes TPE treat other workers' running trials as bad
                    // results, so that workers do not all crowd the same promising region.
                    .sampler(TpeSampler.builder()
                            .seed(seed + workerId)
                            .constantLiar(true)
                            .build())
                    .load();
            study.optimize(
                    trial -> {
                        trial.setUserAttr(WORKER_ATTR, workerId);
                        return objective.evaluate(trial);
                    },
                    OptimizeOptions.trials(trials));
        }
        return 0;
    }
}
