package io.tunekit.examples.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Studies;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DistributedExampleTest {

    private static String runExample(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new DistributedExample());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute(args);
        assertThat(code).as("exit code; output:%n%s", out).isZero();
        return out.toString();
    }

    @Test
    void workerJvmsShareOneSqliteStudy(@TempDir Path dir) {
        String output = runExample(
                "--workers",
                "3",
                "--trials-per-worker",
                "3",
                "--storage",
                "sqlite:" + dir.resolve("shared.db"),
                "--study",
                "shared");
        assertThat(output)
                .contains("Study 'shared'")
                .contains("9 trials (worker 0: 3, worker 1: 3, worker 2: 3)")
                .contains("Trial numbers unique and contiguous: yes")
                .containsPattern("Best is trial \\d+ \\(worker [012]\\) with accuracy 0\\.9");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TUNEKIT_TEST_POSTGRES_URL", matches = ".+")
    void workerJvmsShareOnePostgresStudy() {
        String url = System.getenv("TUNEKIT_TEST_POSTGRES_URL");
        String study = "examples-distributed-" + System.nanoTime();
        try {
            String output =
                    runExample("--workers", "2", "--trials-per-worker", "2", "--storage", url, "--study", study);
            assertThat(output)
                    .contains("4 trials (worker 0: 2, worker 1: 2)")
                    .contains("Trial numbers unique and contiguous: yes");
        } finally {
            try (Storage storage = Storages.open(url)) {
                if (storage.findStudy(study).isPresent()) {
                    Studies.delete(storage, study);
                }
            }
        }
    }

    @Test
    void checksTheNumbering() {
        var workers = new java.util.TreeMap<Integer, Integer>(java.util.Map.of(0, 2, 1, 1));
        assertThat(new DistributedRun("s", workers, java.util.List.of(2, 0, 1), null).numbersUnique())
                .isTrue();
        assertThat(new DistributedRun("s", workers, java.util.List.of(0, 1, 1), null).numbersUnique())
                .isFalse();
        assertThat(new DistributedRun("s", workers, java.util.List.of(0, 2), null).numbersUnique())
                .isFalse();
        assertThat(new DistributedRun(
                                "s",
                                new java.util.TreeMap<>(java.util.Map.of(0, 3, 1, 0)),
                                java.util.List.of(0, 1, 2),
                                null)
                        .everyWorkerContributed())
                .isFalse();
    }
}
