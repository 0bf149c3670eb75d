package io.tunekit.benchmarks.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.benchmarks.Format;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.jdbc.JdbcStorage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storage}: the SQLite storage benchmark of docs/benchmarks.md §4 with Tunekit's
 * {@link Storages#open} defaults, plus the scale check of issue 6: (a) one process, 500 random
 * trials; (b) 4 processes x 150 TPE trials; (c) 4 processes on a 200-point grid; cold: 4
 * processes creating the schema and study on a missing file, 50 trials each; stress: 8 processes
 * x 300 random trials; scale: the cost per trial when the study holds 1,000, 10,000 and 50,000
 * trials. Each part but scale is repeated on a fresh file. Worker processes are released at one
 * instant; wall time runs from that instant to the last worker's end.
 */
@Command(
        name = "storage",
        mixinStandardHelpOptions = true,
        description = "SQLite storage: trials/s, multi-process runs, scale (docs/benchmarks.md §4).")
public final class StorageCommand implements Callable<Integer> {

    @Option(
            names = "--parts",
            split = ",",
            defaultValue = "a,b,c,cold,stress,scale",
            description = "Parts to run (default: ${DEFAULT-VALUE}).")
    List<String> parts;

    @Option(names = "--reps", defaultValue = "3", description = "Repetitions per part (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(
            names = "--scale-sizes",
            split = ",",
            defaultValue = "1000,10000,50000",
            description = "Study sizes at which scale measures the cost per trial (default: ${DEFAULT-VALUE}).")
    List<Integer> scaleSizes;

    @Option(
            names = "--scale-window",
            defaultValue = "2000",
            description = "Trials measured at each scale size (default: ${DEFAULT-VALUE}); a short window is "
                    + "at the mercy of one GC pause.")
    int scaleWindow;

    @Option(
            names = "--worker-jvm-args",
            split = " ",
            description = "Extra JVM options for the worker processes, "
                    + "e.g. \"-XX:TieredStopAtLevel=1\" (short-lived workers spend much of their CPU in the JIT).")
    List<String> workerJvmArgs = new ArrayList<>();

    @Option(
            names = "--dir",
            defaultValue = "bench-results/storage-work",
            description = "Scratch directory for the database files.")
    Path dir;

    @Option(names = "--out", defaultValue = "bench-results/storage.json", description = "JSON output file.")
    Path out;

    private final Map<String, Object> results = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        for (String part : parts) {
            switch (part) {
                case "a" -> partA();
                case "b" -> multi("b", "random-fresh", "tpe", 4, 150, true);
                case "c" -> multi("c", "grid", "grid", 4, 150, true);
                case "cold" -> multi("cold", "cold", "random", 4, 50, false);
                case "stress" -> multi("stress", "stress", "random", 8, 300, true);
                case "scale" -> scale();
                default ->
                    throw new IllegalArgumentException("unknown part '" + part + "' (a, b, c, cold, stress, scale)");
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println("JSON: " + out);
        return 0;
    }

    private Path freshFile(String name) throws Exception {
        Path db = dir.resolve(name + ".db").toAbsolutePath();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        return db;
    }

    /** (a) One process, RandomSampler(seed 0), 500 trials. */
    private void partA() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            Path db = freshFile("a");
            long t0 = System.nanoTime();
            try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
                Study study = Study.builder()
                        .name("a")
                        .storage(storage)
                        .sampler(new RandomSampler(0))
                        .loadIfExists(true)
                        .build();
                double create = seconds(t0);
                long t1 = System.nanoTime();
                long cpu0 = StorageBenchWorker.processCpuNanos();
                study.optimize(StorageBenchWorker::objective, 500);
                double wall = seconds(t1);
                double cpu = (StorageBenchWorker.processCpuNanos() - cpu0) / 1e9;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("create_s", create);
                row.put("optimize_s", wall);
                row.put("trials_per_s", 500 / wall);
                row.put("ms_per_trial", 1000 * wall / 500);
                row.put("cpu_ms_per_trial", 1000 * cpu / 500);
                row.put("trials", study.trials().size());
                row.put("db_kib", Files.size(db) / 1024);
                rows.add(row);
                System.out.printf(
                        "(a) rep %d: %.0f trials/s (%.2f ms/trial; process CPU %.2f ms/trial), create %.3f s%n",
                        r, 500 / wall, 1000 * wall / 500, 1000 * cpu / 500, create);
            }
        }
        results.put("a", rows);
    }

    /** A multi-process part: {@code workers} processes released at one instant. */
    private void multi(String part, String file, String sampler, int workers, int trials, boolean precreate)
            throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            Path db = freshFile(part);
            Path work = Files.createTempDirectory(dir, part + "-");
            String url = "sqlite:" + db;
            if (precreate) {
                try (JdbcStorage storage = Storages.open(url)) {
                    Study.builder()
                            .name(part)
                            .storage(storage)
                            .loadIfExists(true)
                            .build();
                }
            }
            List<Process> processes = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<String> command = new ArrayList<>();
                command.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(workerJvmArgs);
                command.addAll(List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        StorageBenchWorker.class.getName(),
                        url,
                        part,
                        sampler,
                        Integer.toString(w),
                        Integer.toString(trials),
                        work.toString(),
                        Integer.toString(w)));
                processes.add(new ProcessBuilder(command)
                        .redirectError(work.resolve("err-" + w).toFile())
                        .redirectOutput(work.resolve("out-" + w).toFile())
                        .start());
            }
            for (int w = 0; w < workers; w++) {
                while (!Files.exists(work.resolve("ready-" + w))) {
                    if (!processes.get(w).isAlive()) {
                        throw new IllegalStateException(
                                "worker " + w + " died: " + Files.readString(work.resolve("err-" + w)));
                    }
                    Thread.sleep(5);
                }
            }
            Thread.sleep(200); // let every JVM reach its polling loop
            long go = System.currentTimeMillis();
            Files.writeString(work.resolve("go"), "");
            long lastEnd = go;
            int exceptions = 0;
            int locked = 0;
            double cpu = 0;
            List<String> errors = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Process p = processes.get(w);
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("worker " + w + " did not finish");
                }
                String[] line =
                        Files.readString(work.resolve("out-" + w)).trim().split(" ", 5);
                if (line.length < 5) {
                    throw new IllegalStateException(
                            "worker " + w + " failed: " + Files.readString(work.resolve("err-" + w)));
                }
                lastEnd = Math.max(lastEnd, Long.parseLong(line[0]));
                exceptions += Integer.parseInt(line[1]);
                locked += Integer.parseInt(line[2]);
                cpu += Double.parseDouble(line[3]);
                if (!line[4].equals("-")) {
                    errors.add(line[4]);
                }
            }
            Map<String, Object> row = check(url, part);
            row.put("wall_s", (lastEnd - go) / 1000.0);
            row.put("workers_cpu_s", cpu);
            row.put("exceptions", exceptions);
            row.put("database_is_locked", locked);
            row.put("errors", errors);
            rows.add(row);
            System.out.printf(
                    "(%s) rep %d: %.2f s (workers' CPU %.2f s), %s trials, states %s, exceptions %d (locked %d), duplicated numbers %s, "
                            + "contiguous %s%s%n",
                    part,
                    r,
                    (lastEnd - go) / 1000.0,
                    cpu,
                    row.get("trials"),
                    row.get("states"),
                    exceptions,
                    locked,
                    row.get("duplicated_numbers"),
                    row.get("contiguous"),
                    row.containsKey("grid_repeats")
                            ? ", distinct grid points " + row.get("grid_points") + ", points evaluated >1: "
                                    + row.get("grid_repeats")
                            : "");
        }
        results.put(part, rows);
    }

    private static Map<String, Object> check(String url, String study) {
        Map<String, Object> row = new LinkedHashMap<>();
        try (JdbcStorage storage = Storages.open(url)) {
            row.put("studies", storage.studyNames().size());
            long id = storage.findStudy(study).orElseThrow();
            List<FrozenTrial> trials = storage.trials(id, EnumSet.allOf(TrialState.class));
            Map<TrialState, Integer> states = new EnumMap<>(TrialState.class);
            Set<Integer> numbers = new HashSet<>();
            int duplicated = 0;
            for (FrozenTrial t : trials) {
                states.merge(t.state(), 1, Integer::sum);
                if (!numbers.add(t.number())) {
                    duplicated++;
                }
            }
            boolean contiguous =
                    numbers.size() == trials.size() && numbers.stream().allMatch(n -> n >= 0 && n < trials.size());
            row.put("trials", trials.size());
            row.put("states", states.toString());
            row.put("duplicated_numbers", duplicated);
            row.put("contiguous", contiguous);
            if (study.equals("c")) {
                Map<List<Object>, Integer> points = new LinkedHashMap<>();
                for (FrozenTrial t : trials) {
                    if (t.state() == TrialState.COMPLETE) {
                        points.merge(List.of(t.params().get("x"), t.params().get("y")), 1, Integer::sum);
                    }
                }
                row.put("grid_points", points.size());
                row.put(
                        "grid_repeats",
                        points.values().stream().filter(n -> n > 1).count());
            }
        }
        return row;
    }

    /**
     * Cost per trial (mean of --scale-window trials) when the study already holds each of the sizes, after
     * 2,000 unmeasured warm-up trials in another study of the same file.
     */
    private void scale() throws Exception {
        Path db = freshFile("scale");
        Map<String, Object> costs = new LinkedHashMap<>();
        Map<String, Object> cpuCosts = new LinkedHashMap<>();
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            // Warm the JIT on another study first, so that the first size is not charged for it.
            Study.builder()
                    .name("warm-up")
                    .storage(storage)
                    .sampler(new RandomSampler(1))
                    .build()
                    .optimize(StorageBenchWorker::objective, OptimizeOptions.trials(2000));
            Study study = Study.builder()
                    .name("scale")
                    .storage(storage)
                    .sampler(new RandomSampler(0))
                    .build();
            int held = 0;
            for (int size : scaleSizes) {
                if (size > held) {
                    long t = System.nanoTime();
                    study.optimize(StorageBenchWorker::objective, OptimizeOptions.trials(size - held));
                    System.out.printf("(scale) filled to %d trials in %.1f s%n", size, seconds(t));
                    held = size;
                }
                long t = System.nanoTime();
                long cpu0 = StorageBenchWorker.processCpuNanos();
                study.optimize(StorageBenchWorker::objective, scaleWindow);
                held += scaleWindow;
                double ms = 1000 * seconds(t) / scaleWindow;
                double cpuMs = (StorageBenchWorker.processCpuNanos() - cpu0) / 1e6 / scaleWindow;
                costs.put(Integer.toString(size), ms);
                cpuCosts.put(Integer.toString(size), cpuMs);
                System.out.printf(
                        "(scale) %d trials in the study: %.3f ms/trial (process CPU %.3f ms/trial)%n", size, ms, cpuMs);
            }
        }
        double base = ((Number) costs.values().iterator().next()).doubleValue();
        Map<String, Object> ratios = new LinkedHashMap<>();
        costs.forEach((size, ms) -> ratios.put(size, ((Number) ms).doubleValue() / base));
        System.out.println("(scale) ratio to the first size: "
                + ratios.entrySet().stream()
                        .map(e -> e.getKey() + ": " + Format.fixed2((Double) e.getValue()))
                        .toList());
        results.put("scale", Map.of("ms_per_trial", costs, "ratio", ratios, "cpu_ms_per_trial", cpuCosts));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
