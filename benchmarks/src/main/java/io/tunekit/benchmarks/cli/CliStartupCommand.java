package io.tunekit.benchmarks.cli;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cli-startup}: what a shell loop pays per command. Each command runs in a fresh process
 * and is timed from start to exit: {@code trials -f json} on a study of 10,000 trials in a SQLite
 * file, and an {@code ask} (default sampler, three parameters) followed by its {@code tell}, for
 * Tunekit's launcher ({@code bin/tunekit}: C1 only, serial GC, the build's AppCDS archive), for
 * the same jar without the archive and with plain {@code java -jar}, and for Optuna 5.0's
 * {@code optuna} command on the same file. The variants take turns in every repetition, so that
 * the machine's load affects them alike; the report gives medians and ratios to Optuna.
 */
@Command(
        name = "cli-startup",
        mixinStandardHelpOptions = true,
        description = "Fresh-process wall time of 'tunekit trials -f json' (10,000 trials, SQLite) and of an"
                + " ask+tell pair, side by side with Optuna 5.0's optuna command.")
public final class CliStartupCommand implements Callable<Integer> {

    @Option(
            names = "--repo",
            defaultValue = ".",
            description =
                    "The repository root, holding bin/tunekit and cli/target/tunekit.jar (default: ${DEFAULT-VALUE}).")
    Path repo;

    @Option(
            names = "--optuna",
            description =
                    "Optuna 5.0's optuna command (default: beside $TUNEKIT_OPTUNA5_PYTHON, else 'optuna' on the PATH).")
    String optuna;

    @Option(
            names = "--trials",
            defaultValue = "10000",
            description = "Trials in the listed study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--reps",
            defaultValue = "7",
            description = "Repetitions of each measurement (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(
            names = "--dir",
            defaultValue = "bench-results/cli-startup-work",
            description = "Scratch directory for the database (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--out",
            defaultValue = "bench-results/cli-startup.md",
            description = "Markdown report (default: ${DEFAULT-VALUE}).")
    Path out;

    private static final String SPACE =
            "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -10, \"high\": 10}},"
                    + " \"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 8}},"
                    + " \"c\": {\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"a\", \"b\", \"c\"]}}}";
    private static final Pattern NUMBER = Pattern.compile("\"number\": (\\d+)");

    /** One way of running a command. */
    private record Variant(String label, List<String> prefix) {}

    @Override
    public Integer call() throws Exception {
        Path root = repo.toAbsolutePath().normalize();
        Path launcher = root.resolve("bin/tunekit");
        Path jar = root.resolve("cli/target/tunekit.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--repo " + root + " has no bin/tunekit or cli/target/tunekit.jar;"
                    + " build with mvn -B -q -DskipTests package first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Variant> variants = List.of(
                new Variant("tunekit: bin/tunekit (C1, serial GC, AppCDS archive)", List.of(launcher.toString())),
                new Variant(
                        "tunekit: C1 + serial GC, no archive",
                        List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString())),
                new Variant("tunekit: plain java -jar", List.of(java, "-jar", jar.toString())),
                new Variant("optuna 5.0", List.of(optunaCommand())));

        Files.createDirectories(dir);
        Path db = dir.toAbsolutePath().resolve("cli-startup.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        String url = "sqlite:///" + db;
        System.err.printf("Writing %d trials into %s ...%n", trials, db);
        fill(url, trials);
        for (int v = 0; v < variants.size(); v++) {
            run(variants.get(0).prefix(), "create-study", "--storage", url, "--study-name", "loop-" + v);
        }

        int cases = 4; // trials, ask, tell, ask+tell
        double[][][] seconds = new double[variants.size()][cases][reps];
        double[][][] cpu = new double[variants.size()][cases][reps];
        String reference = null;
        boolean identical = true;
        String load0 = loadAverage();
        for (int rep = -1; rep < reps; rep++) { // rep -1 warms the file cache, not recorded
            for (int k = 0; k < variants.size(); k++) {
                int v = Math.floorMod(k + rep, variants.size()); // take turns being first
                Variant variant = variants.get(v);
                Timed listed = run(variant.prefix(), "trials", "--storage", url, "--study-name", "big", "-f", "json");
                if (reference == null) {
                    reference = listed.out();
                } else {
                    identical &= reference.equals(listed.out());
                }
                Timed asked = run(
                        variant.prefix(),
                        "ask",
                        "--storage",
                        url,
                        "--study-name",
                        "loop-" + v,
                        "--search-space",
                        SPACE,
                        "-f",
                        "json");
                Matcher m = NUMBER.matcher(asked.out());
                if (!m.find()) {
                    throw new IllegalStateException(variant.label() + ": ask printed no number: " + asked.out());
                }
                Timed told = run(
                        variant.prefix(),
                        "tell",
                        "--storage",
                        url,
                        "--study-name",
                        "loop-" + v,
                        "--trial-number",
                        m.group(1),
                        "--values",
                        Double.toString(0.5 + rep));
                if (rep >= 0) {
                    seconds[v][0][rep] = listed.seconds();
                    seconds[v][1][rep] = asked.seconds();
                    seconds[v][2][rep] = told.seconds();
                    seconds[v][3][rep] = asked.seconds() + told.seconds();
                    cpu[v][0][rep] = listed.cpu();
                    cpu[v][1][rep] = asked.cpu();
                    cpu[v][2][rep] = told.cpu();
                    cpu[v][3][rep] = asked.cpu() + told.cpu();
                }
            }
            System.err.printf("repetition %d of %d done%n", rep + 1, reps);
        }
        String report = report(variants, seconds, cpu, identical, url, load0, loadAverage());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
        return 0;
    }

    private String optunaCommand() {
        if (optuna != null) {
            return optuna;
        }
        String python = System.getenv("TUNEKIT_OPTUNA5_PYTHON");
        return python == null
                ? "optuna"
                : Path.of(python).resolveSibling("optuna").toString();
    }

    /** A study "big" with {@code n} COMPLETE trials of three parameters, written through Tunekit's storage. */
    private static void fill(String url, int n) {
        SplittableRandom random = new SplittableRandom(42);
        FloatDistribution x = FloatDistribution.of(-10, 10);
        IntDistribution k = new IntDistribution(1, 8, 1, false);
        CategoricalDistribution c = new CategoricalDistribution(List.of("a", "b", "c"));
        try (Storage storage = Storages.open(url)) {
            long study = storage.createStudy("big", List.of(Direction.MINIMIZE));
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < n; i++) {
                double xv = random.nextDouble(-10, 10);
                Instant begin = start.plusMillis(1000L * i);
                FrozenTrial t = FrozenTrial.builder()
                        .state(TrialState.COMPLETE)
                        .values(xv * xv)
                        .param("x", x, xv)
                        .param("n", k, 1 + random.nextInt(8))
                        .param("c", c, List.of("a", "b", "c").get(random.nextInt(3)))
                        .datetimeStart(begin)
                        .datetimeComplete(begin.plusMillis(250 + random.nextInt(500)))
                        .build();
                storage.createTrial(study, t, List.of());
            }
        }
    }

    /**
     * One run: wall seconds, and CPU seconds (user + system, from {@code /usr/bin/time}, NaN
     * without it), which the load of a shared machine distorts far less than wall time.
     */
    private record Timed(double seconds, double cpu, String out) {}

    private static final Path TIME = Path.of("/usr/bin/time");

    private Timed run(List<String> prefix, String... args) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Path cpu = Files.createTempFile(dir, "cpu", ".txt");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            command.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", cpu.toString()));
        }
        command.addAll(prefix);
        command.addAll(Arrays.asList(args));
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            pb.environment().remove("TUNEKIT_STORAGE");
            pb.environment().remove("OPTUNA_STORAGE");
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit status " + p.exitValue() + " of " + command + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            double cpuSeconds = Double.NaN;
            String[] times = Files.readString(cpu).strip().split("\\s+");
            if (times.length == 2) {
                cpuSeconds = Double.parseDouble(times[0]) + Double.parseDouble(times[1]);
            }
            return new Timed(s, cpuSeconds, Files.readString(stdout, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            Files.deleteIfExists(cpu);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String report(
            List<Variant> variants,
            double[][][] s,
            double[][][] cpu,
            boolean identical,
            String url,
            String load0,
            String load1) {
        int optunaIndex = variants.size() - 1;
        StringBuilder md = new StringBuilder();
        md.append("# CLI start-up: fresh process per command\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Median wall seconds of %d repetitions (min in brackets); each command in a new process, the"
                        + " variants taking turns. `trials`: `trials -f json` on %,d COMPLETE trials (3 params);"
                        + " `ask`: default sampler (TPE), 3 parameters, on a study growing from 0 trials;"
                        + " `tell`: one value. Storage `%s`.%n%n",
                reps,
                trials,
                url));
        md.append("| variant | trials -f json | ask | tell | ask + tell | trials vs optuna | ask+tell vs optuna |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (int v = 0; v < variants.size(); v++) {
            md.append("| ").append(variants.get(v).label());
            for (int c = 0; c < 4; c++) {
                md.append(String.format(Locale.ROOT, " | %.3f (%.3f)", median(s[v][c]), min(s[v][c])));
            }
            md.append(String.format(
                    Locale.ROOT,
                    " | %.2f | %.2f |%n",
                    median(s[v][0]) / median(s[optunaIndex][0]),
                    median(s[v][3]) / median(s[optunaIndex][3])));
        }
        md.append("\nCPU seconds (user + system) of the same runs, median:\n\n");
        md.append("| variant | trials -f json | ask | tell | ask + tell | trials vs optuna | ask+tell vs optuna |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (int v = 0; v < variants.size(); v++) {
            md.append("| ").append(variants.get(v).label());
            for (int c = 0; c < 4; c++) {
                md.append(String.format(Locale.ROOT, " | %.3f", median(cpu[v][c])));
            }
            md.append(String.format(
                    Locale.ROOT,
                    " | %.2f | %.2f |%n",
                    median(cpu[v][0]) / median(cpu[optunaIndex][0]),
                    median(cpu[v][3]) / median(cpu[optunaIndex][3])));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nOutputs of `trials -f json` identical across all variants: %s.%n",
                identical ? "yes" : "NO"));
        md.append(String.format(
                Locale.ROOT,
                "Load average before: %s; after: %s; %d CPUs.%n",
                load0,
                load1,
                Runtime.getRuntime().availableProcessors()));
        md.append("\nCommand: `java -jar benchmarks/target/tunekit-benchmarks.jar cli-startup --reps ")
                .append(reps)
                .append(" --trials ")
                .append(trials)
                .append("` (after `mvn -B -q -DskipTests package`).\n");
        return md.toString();
    }

    private static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2;
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }
}
