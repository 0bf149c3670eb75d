package io.tunekit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real processes for the tests that go through the built jar, the launcher or Optuna. */
final class Processes {

    /** The repository root (the tests run in the cli module's directory). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static final Path LAUNCHER = ROOT.resolve("bin").resolve("tunekit");
    static final Path JAR = ROOT.resolve("cli").resolve("target").resolve("tunekit.jar");

    private Processes() {}

    /** Runs a command in {@code dir} with extra environment variables; waits at most 10 minutes. */
    static Cli.Result run(Path dir, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("TUNEKIT_STORAGE");
        pb.environment().remove("OPTUNA_STORAGE");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Cli.Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The {@code optuna} command of the Optuna 5.0 venv named by {@code TUNEKIT_OPTUNA5_PYTHON}. */
    static Path optuna() {
        return Path.of(System.getenv("TUNEKIT_OPTUNA5_PYTHON")).resolveSibling("optuna");
    }
}
