package io.tunekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Studies;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code tunekit-examples.jar} the way the README does, on tiny budgets: what
 * only the shaded jar can break (merged service files for the JDBC drivers, XGBoost's native
 * library loaded from inside the jar, the dispatcher) breaks here.
 */
class ExamplesJarIT {

    private static final Path JAR = Path.of("target", "tunekit-examples.jar").toAbsolutePath();

    /** Runs the jar in {@code dir}; returns its standard output; fails on a non-zero exit. */
    private static String runJar(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(err.toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
        assertThat(process.exitValue())
                .as("exit code of %s; stdout:%n%s%nstderr:%n%s", List.of(args), out, Files.readString(err))
                .isZero();
        return out;
    }

    @Test
    void listsTheExamples(@TempDir Path dir) throws Exception {
        runJar(dir);
        assertThat(Files.readString(dir.resolve("stderr.txt")))
                .contains("logistic-regression", "xgboost", "distributed", "ask-tell");
    }

    @Test
    void logisticRegressionOnSqlite(@TempDir Path dir) throws Exception {
        String out = runJar(dir, "logistic-regression", "--trials", "2");
        assertThat(out).containsPattern("(?m)^grid +0\\.9").containsPattern("(?m)^tpe +0\\.9");
        assertThat(dir.resolve("tunekit-examples.db")).exists();
    }

    @Test
    void xgboostLoadsItsNativeLibraryFromTheJar(@TempDir Path dir) throws Exception {
        assertThat(runJar(dir, "xgboost", "--trials", "2", "--rounds", "3")).contains("Boosting rounds run:");
    }

    @Test
    void askTellRunsTheShippedScript(@TempDir Path dir) throws Exception {
        String script = Path.of("scripts", "target.sh").toAbsolutePath().toString();
        assertThat(runJar(dir, "ask-tell", "--trials", "2", "--", "sh", script)).contains("(2 of 2 trials completed)");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TUNEKIT_TEST_POSTGRES_URL", matches = ".+")
    void distributedOnPostgresFindsTheDriverInTheJar(@TempDir Path dir) throws Exception {
        String study = "examples-jar-it-" + System.nanoTime();
        String out = runJar(
                dir,
                "distributed",
                "--workers",
                "2",
                "--trials-per-worker",
                "1",
                "--storage",
                System.getenv("TUNEKIT_TEST_POSTGRES_URL"),
                "--study",
                study);
        assertThat(out).contains("2 trials (worker 0: 1, worker 1: 1)");
        // Leave the shared test database as it was.
        try (Storage storage = Storages.open(System.getenv("TUNEKIT_TEST_POSTGRES_URL"))) {
            Studies.delete(storage, study);
        }
    }
}
