package io.tunekit.benchmarks.storage;

import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.benchmarks.SamplerRegistry;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.grid.GridSampler;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker process of the SQLite storage benchmark (docs/benchmarks.md §4): signals it is
 * ready, waits for the common start, attaches to (or creates) the study and runs its trials of
 * {@code f = x^2 + y^2}. As in the protocol, an exception escaping {@code optimize} is counted
 * and the worker re-enters {@code optimize} for its remaining trials.
 *
 * <p>Arguments: {@code URL STUDY SAMPLER(random|tpe|grid) SEED TRIALS DIR INDEX}. Prints one line:
 * {@code end_ms exceptions locked cpu_seconds first_error}, where cpu_seconds is the process's CPU
 * time from the common start (JVM warm-up included), a figure the machine's load does not inflate.
 */
public final class StorageBenchWorker {

    private StorageBenchWorker() {}

    public static void main(String[] args) throws Exception {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (var handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
        String url = args[0];
        String studyName = args[1];
        String samplerName = args[2];
        long seed = Long.parseLong(args[3]);
        int trials = Integer.parseInt(args[4]);
        Path dir = Path.of(args[5]);
        String index = args[6];
        Files.writeString(dir.resolve("ready-" + index), "");
        while (!Files.exists(dir.resolve("go"))) {
            Thread.sleep(1);
        }
        long cpuAtStart = processCpuNanos();
        int exceptions = 0;
        int locked = 0;
        String firstError = "-";
        int done = 0;
        Storage storage = null;
        Study study = null;
        while (done < trials && exceptions < 100) {
            try {
                if (study == null) {
                    storage = Storages.open(url);
                    study = Study.builder()
                            .name(studyName)
                            .storage(storage)
                            .sampler(sampler(samplerName, seed))
                            .loadIfExists(true)
                            .build();
                }
                study.optimize(StorageBenchWorker::objective, OptimizeOptions.trials(trials - done));
                done = trials; // optimize returned: its trials ran, or the grid is exhausted
            } catch (RuntimeException e) {
                exceptions++;
                String text = String.valueOf(e.getMessage());
                if (text.contains("database is locked") || text.contains("SQLITE_BUSY")) {
                    locked++;
                }
                if (firstError.equals("-")) {
                    firstError = e.getClass().getSimpleName() + ": " + text.replace('\n', ' ');
                }
                if (study != null) {
                    done = Math.min(trials, done + 1);
                }
            }
        }
        long end = System.currentTimeMillis();
        double cpu = (processCpuNanos() - cpuAtStart) / 1e9;
        if (storage != null) {
            storage.close();
        }
        System.out.println(end + " " + exceptions + " " + locked + " " + cpu + " " + firstError);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double objective(io.tunekit.Trial trial) {
        double x = trial.suggestFloat("x", -10, 10);
        double y = trial.suggestFloat("y", -10, 10);
        return x * x + y * y;
    }

    static Sampler sampler(String name, long seed) {
        if (name.equals("grid")) {
            return new GridSampler(Map.of("x", axis(20), "y", axis(10)), seed);
        }
        return SamplerRegistry.create(name, seed);
    }

    /** {@code -10 + 20 i / (n - 1)}, i = 0..n-1 (docs/benchmarks.md §4 (c)). */
    static List<Object> axis(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(-10 + 20.0 * i / (n - 1));
        }
        return out;
    }
}
