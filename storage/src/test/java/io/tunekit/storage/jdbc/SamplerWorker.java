package io.tunekit.storage.jdbc;

import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.bruteforce.BruteForceSampler;
import io.tunekit.samplers.cmaes.CmaEsSampler;
import io.tunekit.samplers.qmc.QmcSampler;
import io.tunekit.samplers.qmc.Scrambling;
import io.tunekit.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A worker process for {@link SamplerMultiProcessTest}: waits for the go file, then
 * creates-or-loads the study and optimises with the sampler of its {@code mode}.
 *
 * <p>Arguments are {@code key=value}: {@code mode} (bruteforce, qmc, cmaes), {@code url}, {@code study},
 * {@code dir}, {@code index}, {@code trials} (0: until the sampler ends the study),
 * {@code sleepMillis}. Exits 0 on success, 1 with the stack trace on stderr otherwise.
 */
public final class SamplerWorker {

    private SamplerWorker() {}

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
        int index = Integer.parseInt(a.getOrDefault("index", "0"));
        Path dir = Path.of(a.get("dir"));
        Files.writeString(dir.resolve("ready-" + index), "ready");
        while (!Files.exists(dir.resolve("go"))) {
            Thread.sleep(2);
        }
        try {
            run(a, index);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Map<String, String> a, int index) throws Exception {
        long sleep = Long.parseLong(a.getOrDefault("sleepMillis", "0"));
        int trials = Integer.parseInt(a.getOrDefault("trials", "0"));
        String mode = a.get("mode");
        try (Storage storage = Storages.open(a.get("url"))) {
            Sampler sampler = switch (mode) {
                case "bruteforce" -> new BruteForceSampler(index);
                case "cmaes" -> CmaEsSampler.builder().seed(index).popsize(6).build();
                case "qmc" ->
                    QmcSampler.builder().scrambling(Scrambling.OWEN).seed(index).build();
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            };
            Study study = Study.builder()
                    .name(a.get("study"))
                    .storage(storage)
                    .sampler(sampler)
                    .loadIfExists(true)
                    .build();
            OptimizeOptions options = trials > 0 ? OptimizeOptions.trials(trials) : OptimizeOptions.unlimited();
            study.optimize(
                    trial -> {
                        double value = mode.equals("bruteforce") ? conditional(trial) : sphere(trial);
                        if (sleep > 0) {
                            Thread.sleep(sleep);
                        }
                        return value;
                    },
                    options);
        }
    }

    /** {@code x^2 + y^2} over {@code [-10, 10]^2}. */
    static double sphere(Trial t) {
        double x = t.suggestFloat("x", -10, 10);
        double y = t.suggestFloat("y", -10, 10);
        return x * x + y * y;
    }

    /**
     * A conditional space of 42 points: {@code c = "float"} leads to {@code x} in
     * {0, 0.5, ..., 10} (21), {@code c = "int"} to {@code a} in 1..6 and {@code b} in a..6 (21).
     */
    static double conditional(Trial t) {
        String c = t.suggestCategorical("c", List.of("float", "int"));
        if (c.equals("float")) {
            return t.suggestFloat("x", 0, 10, 0.5);
        }
        int a = t.suggestInt("a", 1, 6);
        return a + t.suggestInt("b", a, 6);
    }
}
