package io.tunekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * The training run of the build's class-data archive ({@code cli/target/tunekit.jsa}, AppCDS):
 * the build runs this once with {@code -XX:DumpLoadedClassList} and dumps the classes it lists
 * with {@code -Xshare:dump}, so that the classes a typical session loads (picocli, the commands,
 * the SQLite driver, the samplers, the storage) and its lambdas are read from the archive,
 * already parsed, by every later {@code bin/tunekit} run. Not a user command: it exercises the
 * commands in-process on a scratch SQLite file.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {}

    /**
     * @param args the scratch directory for the training database
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/cds-training"));
        Path db = dir.resolve("training.db");
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("training.db-wal"));
        Files.deleteIfExists(dir.resolve("training.db-shm"));
        Map<String, String> env = Map.of("TUNEKIT_STORAGE", "sqlite:///" + db);
        CliLogging.configure();
        SqliteWarmUp.start(env);
        String space = "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -10, \"high\": 10}},"
                + " \"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 8, \"log\": true}},"
                + " \"c\": {\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"a\", \"b\"]}}}";
        run(env, "create-study", "--study-name", "training");
        for (int i = 0; i < 12; i++) {
            run(env, "ask", "--study-name", "training", "--search-space", space, "-f", "value", "--flatten");
            run(
                    env,
                    "tell",
                    "--study-name",
                    "training",
                    "--trial-number",
                    Integer.toString(i),
                    "--values",
                    Double.toString(i % 5 + 0.5));
        }
        run(
                env,
                "ask",
                "--study-name",
                "training",
                "--sampler",
                "RandomSampler",
                "--sampler-kwargs",
                "{\"seed\": 1}",
                "--search-space",
                space);
        for (String format : new String[] {"json", "table", "yaml", "value"}) {
            run(env, "trials", "--study-name", "training", "-f", format);
            run(env, "best-trial", "--study-name", "training", "-f", format, "--flatten");
        }
        run(env, "best-trials", "--study-name", "training");
        run(env, "studies", "-f", "json");
        run(env, "study-names");
        run(env, "export", "--study-name", "training");
        run(env, "trials", "--study-name", "missing");
        run(env, "--help");
        run(env, "ask", "--help");
    }

    private static void run(Map<String, String> env, String... args) {
        CommandLine cl = Tunekit.commandLine(env, args);
        StringWriter sink = new StringWriter();
        cl.setOut(new PrintWriter(sink));
        cl.setErr(new PrintWriter(sink));
        cl.execute(args);
    }
}
