package io.tunekit.cli;

import static io.tunekit.cli.Cli.oneLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: one line on stderr naming the problem, the exit status of its kind, no stack trace
 * unless --debug, and nothing written.
 */
class ErrorsTest {

    @TempDir
    Path dir;

    private String url;
    private Cli cli;

    @BeforeEach
    void study() {
        url = "sqlite:///" + dir.resolve("errors.db");
        cli = Cli.on(url);
        cli.ok("create-study", "--study-name", "s");
        cli.ok(
                "ask",
                "--study-name",
                "s",
                "--search-space",
                "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0, \"high\": 1}}}");
        cli.ok("tell", "--study-name", "s", "--trial-number", "0", "--values", "0.5");
    }

    private int trialCount() {
        try (Storage storage = Storages.open(url)) {
            return storage.trialCount(storage.findStudy("s").orElseThrow());
        }
    }

    @Test
    void unknownStudyIsNotFound() {
        oneLine(cli.run("trials", "--study-name", "nope"), ExitCode.NOT_FOUND, "'nope'");
        oneLine(cli.run("ask", "--study-name", "nope"), ExitCode.NOT_FOUND, "'nope'", "create-study");
        oneLine(
                cli.run("tell", "--study-name", "s", "--trial-number", "7", "--values", "1"),
                ExitCode.NOT_FOUND,
                "no trial 7");
        assertThat(trialCount()).isEqualTo(1);
    }

    @Test
    void malformedUrlsAreUsageErrors() {
        oneLine(new Cli(Map.of()).run("studies", "--storage", "oracle://me@db/x"), ExitCode.USAGE, "oracle");
        oneLine(new Cli(Map.of()).run("studies", "--storage", "redis://localhost"), ExitCode.USAGE, "Redis");
        oneLine(new Cli(Map.of()).run("studies", "--storage", "journal.log"), ExitCode.USAGE, "sqlite:///journal.log");
        oneLine(new Cli(Map.of()).run("studies"), ExitCode.USAGE, "TUNEKIT_STORAGE");
    }

    @Test
    void aMissingDatabaseFileIsAStorageErrorAndIsNotCreated() {
        Path missing = dir.resolve("typo.db");
        oneLine(
                new Cli(Map.of()).run("trials", "--storage", "sqlite:///" + missing, "--study-name", "s"),
                ExitCode.STORAGE,
                "typo.db");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aStorageThatCannotBeWrittenIsAStorageError() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        oneLine(
                new Cli(Map.of())
                        .run(
                                "create-study",
                                "--storage",
                                "sqlite:///" + notADirectory.resolve("t.db"),
                                "--study-name",
                                "s"),
                ExitCode.STORAGE,
                "plain-file");
    }

    @Test
    void badJsonWritesNothing() {
        oneLine(
                cli.run("ask", "--study-name", "s", "--search-space", "{\"x\": {\"name\": \"Flo"),
                ExitCode.USAGE,
                "--search-space");
        oneLine(
                cli.run(
                        "ask",
                        "--study-name",
                        "s",
                        "--search-space",
                        "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 2, \"high\": 1}}}"),
                ExitCode.USAGE,
                "'x'");
        oneLine(cli.run("ask", "--study-name", "s", "--search-space", "[1, 2]"), ExitCode.USAGE, "JSON object");
        oneLine(cli.run("ask", "--study-name", "s", "--sampler-kwargs", "{\"seed\": 1}"), ExitCode.USAGE, "--sampler");
        oneLine(cli.run("ask", "--study-name", "s", "--sampler", "CmaEsSamplerX"), ExitCode.USAGE, "CmaEsSamplerX");
        oneLine(
                cli.run(
                        "ask",
                        "--study-name",
                        "s",
                        "--sampler",
                        "TPESampler",
                        "--sampler-kwargs",
                        "{\"n_startup\": 3}"),
                ExitCode.USAGE,
                "n_startup",
                "n_startup_trials");
        oneLine(
                cli.run(
                        "ask",
                        "--study-name",
                        "s",
                        "--sampler",
                        "RandomSampler",
                        "--sampler-kwargs",
                        "{\"seed\": \"one\"}"),
                ExitCode.USAGE,
                "seed");
        assertThat(trialCount()).isEqualTo(1);
    }

    @Test
    void aDistributionThatConflictsWithTheStudyIsRefusedBeforeATrialExists() {
        oneLine(
                cli.run(
                        "ask",
                        "--study-name",
                        "s",
                        "--search-space",
                        "{\"x\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 0, \"high\": 3}}}"),
                ExitCode.CONFLICT,
                "'x'");
        assertThat(trialCount()).isEqualTo(1);
    }

    @Test
    void tellingAFinishedTrialIsAConflictAndChangesNothing() {
        oneLine(
                cli.run("tell", "--study-name", "s", "--trial-number", "0", "--values", "0.1"),
                ExitCode.CONFLICT,
                "already finished");
        assertThat(cli.json("best-trial", "--study-name", "s", "-f", "json")
                        .get("value")
                        .asDouble())
                .isEqualTo(0.5);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        oneLine(
                cli.run("tell", "--study-name", "s", "--trial-number", "0", "--values", "abc"),
                ExitCode.USAGE,
                "'abc'");
        oneLine(
                cli.run("tell", "--study-name", "s", "--trial-number", "0", "--state", "done"),
                ExitCode.USAGE,
                "'done'");
        oneLine(cli.run("trials", "--study-name", "s", "-f", "xml"), ExitCode.USAGE, "'xml'");
        oneLine(cli.run("create-study", "--direction", "up"), ExitCode.USAGE, "'up'");
        oneLine(
                cli.run("create-study", "--direction", "minimize", "--directions", "minimize"),
                ExitCode.USAGE,
                "--directions");
        oneLine(cli.run("frobnicate"), ExitCode.USAGE, "frobnicate");
        oneLine(
                cli.run("tell", "--study-name", "s", "--trial-number", "0", "--state", "pruned", "--values", "1"),
                ExitCode.USAGE,
                "--values");
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result r = cli.run("trials", "--study-name", "nope", "--debug");
        assertThat(r.status()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(r.err().lines().count()).isGreaterThan(3);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void pythonFloatSyntaxIsAccepted() {
        PythonFloat f = new PythonFloat();
        assertThat(f.convert("nan")).isNaN();
        assertThat(f.convert("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(f.convert(" 1e-3 ")).isEqualTo(0.001);
        assertThat(f.convert("1_000.5")).isEqualTo(1000.5);
        assertThat(f.convert(".5")).isEqualTo(0.5);
    }
}
