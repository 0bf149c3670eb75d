package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar and the launcher, run as a user runs them. */
class CliJarIT {

    @TempDir
    Path dir;

    private Cli.Result launcher(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Processes.LAUNCHER.toString()));
        command.addAll(List.of(args));
        return Processes.run(dir, env, command);
    }

    @Test
    void theJarRunsWithJavaDashJar() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Cli.Result r = Processes.run(dir, Map.of(), List.of(java, "-jar", Processes.JAR.toString(), "--version"));
        assertThat(r.ok()).startsWith("tunekit 0.");
    }

    @Test
    void theLauncherFindsTheJarThroughASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("tk"), Processes.LAUNCHER);
        Cli.Result r = Processes.run(dir, Map.of(), List.of(link.toString(), "--help"));
        assertThat(r.ok())
                .contains("create-study", "best-trials", "ask", "tell", "export", "copy-study", "watch")
                .contains("Exit status:")
                .contains("Examples:");
    }

    @Test
    void completionScriptIsGenerated() throws Exception {
        assertThat(launcher(Map.of(), "generate-completion").ok())
                .contains("complete -F")
                .contains("create-study");
    }

    @Test
    void errorsGiveOneLineAndTheirStatus() throws Exception {
        String url = "sqlite:///" + dir.resolve("p.db");
        launcher(Map.of(), "--storage", url, "create-study", "--study-name", "p")
                .ok();
        Cli.Result missing = launcher(Map.of("TUNEKIT_STORAGE", url), "trials", "--study-name", "q");
        assertThat(missing.status()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(missing.err().strip().lines()).hasSize(1);
        Cli.Result usage = launcher(Map.of("OPTUNA_STORAGE", url), "ask", "--study-name", "p", "--search-space", "{");
        assertThat(usage.status()).isEqualTo(ExitCode.USAGE.code());
        assertThat(usage.err().strip().lines()).hasSize(1);
    }

    @Test
    void theLibrarysWarningsAreOptunaLikeLinesAndQuietHidesThem() throws Exception {
        // A step that does not divide the range: the distribution warns that it lowers high.
        String url = "sqlite:///" + dir.resolve("w.db");
        Map<String, String> env = Map.of("TUNEKIT_STORAGE", url);
        launcher(env, "create-study", "--study-name", "w").ok();
        String space = "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0, \"high\": 1,"
                + " \"step\": 0.3}}}";
        Cli.Result warned = launcher(env, "ask", "--study-name", "w", "--search-space", space);
        assertThat(warned.status()).isZero();
        assertThat(warned.err().strip().lines())
                .singleElement()
                .asString()
                .matches("\\[W \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\] .*range is not divisible by step.*");
        Cli.Result quiet = launcher(env, "ask", "--study-name", "w", "--search-space", space, "-q");
        assertThat(quiet.status()).isZero();
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void askAndTellAsProcessesOnSqlite() throws Exception {
        askTellTrials("sqlite:///" + dir.resolve("loop.db"));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TUNEKIT_TEST_POSTGRES_URL", matches = ".+")
    void askAndTellAsProcessesOnPostgresql() throws Exception {
        askTellTrials(TestStorages.optunaForm(System.getenv("TUNEKIT_TEST_POSTGRES_URL")));
    }

    private void askTellTrials(String url) throws Exception {
        Map<String, String> env = Map.of("TUNEKIT_STORAGE", url);
        String study = "jar-" + Long.toHexString(System.nanoTime());
        launcher(env, "create-study", "--study-name", study, "--direction", "maximize")
                .ok();
        for (int i = 0; i < 2; i++) {
            String line = launcher(
                            env,
                            "ask",
                            "--study-name",
                            study,
                            "-f",
                            "value",
                            "--flatten",
                            "--search-space",
                            "{\"lr\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 1e-5, \"high\": 1,"
                                    + " \"log\": true}}}")
                    .ok()
                    .strip();
            String[] parts = line.split(" ");
            assertThat(parts).hasSize(2);
            assertThat(Double.parseDouble(parts[1])).isBetween(1e-5, 1.0);
            Cli.Result told =
                    launcher(env, "tell", "--study-name", study, "--trial-number", parts[0], "--values", parts[1]);
            told.ok();
            assertThat(told.err()).as("stderr of a successful tell").isEmpty();
        }
        String values =
                launcher(env, "trials", "--study-name", study, "-f", "value").ok();
        assertThat(values.lines()).hasSize(2).allMatch(l -> l.endsWith(" COMPLETE"));
        launcher(env, "delete-study", "--study-name", study).ok();
    }
}
