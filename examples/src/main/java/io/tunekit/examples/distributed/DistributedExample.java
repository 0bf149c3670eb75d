package io.tunekit.examples.distributed;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.examples.ExampleMain;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The multi-JVM recipe, runnable: creates a study in a shared storage, starts N worker JVMs
 * ({@link DistributedWorker}, same class path) that each load the study by name and run their
 * trials, waits for them, then reads the study back: trials per worker, the best trial, and a
 * check that trial numbers are 0..n-1 without duplicates.
 */
@Command(
        name = "distributed",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Starts N worker JVMs on one shared study (SQLite file or PostgreSQL), then prints the trials "
                + "per worker and the best trial, and checks that trial numbers are unique.")
public final class DistributedExample implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--workers", defaultValue = "4", description = "worker JVMs (default: ${DEFAULT-VALUE})")
    private int workers;

    @Option(
            names = "--trials-per-worker",
            defaultValue = "10",
            description = "trials each worker runs (default: ${DEFAULT-VALUE})")
    private int trialsPerWorker;

    @Option(
            names = "--storage",
            defaultValue = "sqlite:tunekit-distributed.db",
            description = "the shared storage: sqlite:PATH or a server URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres (default: ${DEFAULT-VALUE})")
    private String storageUrl;

    @Option(names = "--study", description = "study name (default: distributed-<current time>)")
    private String studyName;

    @Option(names = "--seed", defaultValue = "42", description = "base seed of the workers (default: ${DEFAULT-VALUE})")
    private long seed;

    /** Usage: {@code distributed [--workers N] [--trials-per-worker K] [--storage URL]}. */
    public static void main(String[] args) {
        ExampleMain.run(new DistributedExample(), args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (workers <= 0 || trialsPerWorker <= 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--workers=" + workers + " and --trials-per-worker=" + trialsPerWorker + " must be > 0");
        }
        String name = studyName != null ? studyName : "distributed-" + System.currentTimeMillis();
        PrintWriter out = spec.commandLine().getOut();
        DistributedRun run = run(name, out);
        out.printf(
                "%nStudy '%s' in %s: %d trials (%s)%n",
                run.studyName(), storageUrl, run.trialNumbers().size(), run.describeWorkers());
        FrozenTrial best = run.best();
        out.printf(
                "Best is trial %d (worker %s) with accuracy %.4f and parameters %s%n",
                best.number(), best.userAttrs().get(DistributedWorker.WORKER_ATTR), best.value(), best.params());
        out.printf("Trial numbers unique and contiguous: %s%n", run.numbersUnique() ? "yes" : "NO");
        out.flush();
        return run.numbersUnique() && run.everyWorkerContributed() ? 0 : 1;
    }

    /** Creates the study, runs the workers and reads the result back. */
    DistributedRun run(String name, PrintWriter out) throws IOException, InterruptedException {
        try (Storage storage = Storages.open(storageUrl)) {
            // The coordinator creates the study; the workers only load it.
            Study.builder()
                    .name(name)
                    .direction(Direction.MAXIMIZE)
                    .storage(storage)
                    .build();
            out.printf(
                    "Created study '%s' in %s; starting %d workers x %d trials%n",
                    name, storageUrl, workers, trialsPerWorker);
            out.flush();
            List<Process> processes = new ArrayList<>();
            for (int id = 0; id < workers; id++) {
                processes.add(startWorker(name, id));
            }
            List<Integer> failed = new ArrayList<>();
            for (int id = 0; id < workers; id++) {
                if (processes.get(id).waitFor() != 0) {
                    failed.add(id);
                }
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException("workers " + failed + " exited with an error (their output is above)");
            }
            Study study = Study.load(name, storage);
            List<FrozenTrial> trials = study.trials();
            SortedMap<Integer, Integer> perWorker = new TreeMap<>();
            for (int id = 0; id < workers; id++) {
                perWorker.put(id, 0);
            }
            for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) {
                if (t.userAttrs().get(DistributedWorker.WORKER_ATTR) instanceof Number worker) {
                    perWorker.merge(worker.intValue(), 1, Integer::sum);
                }
            }
            return new DistributedRun(
                    name, perWorker, trials.stream().map(FrozenTrial::number).toList(), study.bestTrial());
        }
    }

    private Process startWorker(String name, int id) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                DistributedWorker.class.getName(),
                "--storage",
                storageUrl,
                "--study",
                name,
                "--trials",
                Integer.toString(trialsPerWorker),
                "--worker-id",
                Integer.toString(id),
                "--seed",
                Long.toString(seed));
        return new ProcessBuilder(command)
                .inheritIO()
                .directory(new File(".").getAbsoluteFile())
                .start();
    }
}
