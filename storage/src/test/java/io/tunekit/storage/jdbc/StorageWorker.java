package io.tunekit.storage.jdbc;

import io.tunekit.OptimizeOptions;
import io.tunekit.RetryFailedTrialCallback;
import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.grid.GridSampler;
import io.tunekit.samplers.nsga.NsgaIISampler;
import io.tunekit.samplers.tpe.TpeSampler;
import io.tunekit.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A worker process for the multi-process tests: waits until the test releases all workers at
 * once (a "go" file), then creates-or-loads the study and optimises {@code f = x^2 + y^2}.
 *
 * <p>Arguments are {@code key=value}: {@code mode} (random, grid, nsga2, budget, hang, heartbeat,
 * halt, heartbeat-budget, tpe, open), {@code url}, {@code study}, {@code trials}, {@code dir}
 * (where the ready and go files live), {@code index}, {@code budget}, {@code sleepMillis},
 * {@code grace} (seconds). Exits 0 on success, 1 with the stack trace on stderr otherwise. In
 * mode {@code hang} it prints {@code RUNNING <number>} from inside its first trial and then never
 * returns, to be killed; in mode {@code halt} it halts the JVM (exit 137) as soon as its first
 * trial is claimed, before the objective and its heartbeat thread start. Modes with heartbeats
 * retry failed trials ({@link RetryFailedTrialCallback}); {@code tpe} runs a seeded TPE sampler.
 */
public final class StorageWorker {

    private StorageWorker() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        for (java.util.logging.Handler h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        String mode = a.get("mode");
        int index = Integer.parseInt(a.getOrDefault("index", "0"));
        Path dir = Path.of(a.get("dir"));
        Files.writeString(dir.resolve("ready-" + index), "ready");
        while (!Files.exists(dir.resolve("go"))) {
            Thread.sleep(2);
        }
        try {
            run(mode, a, index);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String mode, Map<String, String> a, int index) throws Exception {
        boolean heartbeats =
                List.of("hang", "heartbeat", "halt", "heartbeat-budget").contains(mode) || a.containsKey("grace");
        Storages.Builder builder = Storages.builder(a.get("url"));
        if (heartbeats) {
            builder.heartbeatInterval(Duration.ofSeconds(1))
                    .gracePeriod(Duration.ofSeconds(Long.parseLong(a.getOrDefault("grace", "2"))));
        }
        long sleep = Long.parseLong(a.getOrDefault("sleepMillis", "0"));
        try (Storage storage = builder.build()) {
            Sampler sampler = switch (mode) {
                case "grid" -> new GridSampler(Map.of("x", grid(20), "y", grid(10)), index);
                case "tpe" -> TpeSampler.builder().seed(index).build();
                case "halt" -> new HaltingSampler();
                // without mutation every parameter of a child is one of its stored parents' values
                case "nsga2" ->
                    NsgaIISampler.builder()
                            .populationSize(10)
                            .mutationProbability(0)
                            .seed(index)
                            .build();
                default -> new RandomSampler(index);
            };
            Study.Builder study = Study.builder()
                    .name(a.get("study"))
                    .storage(storage)
                    .sampler(sampler)
                    .loadIfExists(true);
            if (heartbeats && !mode.equals("tpe")) {
                study.staleTrialCallback(new RetryFailedTrialCallback());
            }
            Study s = study.build();
            if (mode.equals("open")) {
                return; // the storage and the study exist: schema creation races end here
            }
            OptimizeOptions options = switch (mode) {
                case "grid" -> OptimizeOptions.unlimited();
                case "budget", "heartbeat-budget" ->
                    OptimizeOptions.unlimited().maxStudyTrials(Integer.parseInt(a.get("budget")));
                case "halt" -> OptimizeOptions.trials(1);
                default -> OptimizeOptions.trials(Integer.parseInt(a.get("trials")));
            };
            s.optimize(
                    trial -> {
                        double x = trial.suggestFloat("x", -10, 10);
                        double y = trial.suggestFloat("y", -10, 10);
                        if (mode.equals("hang")) {
                            System.out.println("RUNNING " + trial.number());
                            System.out.flush();
                            Thread.sleep(Long.MAX_VALUE);
                        }
                        if (sleep > 0) {
                            Thread.sleep(sleep);
                        }
                        return x * x + y * y;
                    },
                    options);
        }
    }

    /**
     * Halts the JVM as soon as a trial is claimed, before the objective starts: a worker killed
     * (OOM, kill -9) before its heartbeat thread ever ran.
     */
    private static final class HaltingSampler implements Sampler {
        @Override
        public void beforeTrial(io.tunekit.StudyView study, io.tunekit.FrozenTrial trial) {
            Runtime.getRuntime().halt(137);
        }

        @Override
        public double sampleIndependent(
                io.tunekit.StudyView study,
                io.tunekit.FrozenTrial trial,
                String name,
                io.tunekit.distribution.Distribution distribution) {
            throw new AssertionError("never reached");
        }
    }

    /** {@code -10 + 20 i / (n - 1)} for i = 0..n-1, the grid of docs/benchmarks.md §4 (c). */
    static List<Object> grid(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(-10 + 20.0 * i / (n - 1));
        }
        return out;
    }
}
