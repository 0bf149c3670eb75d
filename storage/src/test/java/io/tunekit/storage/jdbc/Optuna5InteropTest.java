package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.FrozenTrial;
import io.tunekit.RetryFailedTrialCallback;
import io.tunekit.TrialState;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tunekit and today's Optuna (5.0, the interpreter of TUNEKIT_OPTUNA5_PYTHON) working on one
 * study at once: mixed fleets number every trial exactly once and read identical studies, and
 * each side fails and retries the trial of the other side's dead worker, with the attributes
 * Optuna's RetryFailedTrialCallback reads. Skipped where the variable is unset.
 */
@Timeout(300)
@EnabledIfEnvironmentVariable(named = Optuna5InteropTest.PYTHON_ENV, matches = ".+")
class Optuna5InteropTest {

    static final String PYTHON_ENV = "TUNEKIT_OPTUNA5_PYTHON";

    @TempDir
    Path dir;

    private Path script;

    @BeforeEach
    void copyScript() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(System.getenv(PYTHON_ENV))), PYTHON_ENV + " is not an interpreter");
        script = dir.resolve("optuna_worker.py");
        try (InputStream in = Optuna5InteropTest.class.getResourceAsStream("/optuna/optuna_worker.py")) {
            Files.copy(in, script);
        }
    }

    @Test
    void mixedFleetOnSqlite() throws Exception {
        Path db = dir.resolve("fleet.db");
        mixedFleet("sqlite:" + db, "sqlite:///" + db);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void mixedFleetOnPostgres() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.postgresUrl(), url -> mixedFleet(url, sqlalchemy(url)));
    }

    /**
     * Four Tunekit JVMs (TPE, four time zones, heartbeats on) and two Optuna 5.0 processes (TPE)
     * start together on a database nobody has created yet, 100 trials each.
     */
    private void mixedFleet(String url, String optunaUrl) throws Exception {
        Path work = Files.createDirectories(dir.resolve("fleet"));
        Workers workers = new Workers(work);
        List<String> zones = List.of("UTC", "Asia/Tokyo", "America/Los_Angeles", "Australia/Adelaide");
        for (String zone : zones) {
            workers.startJvm(
                    List.of("-Duser.timezone=" + zone),
                    "mode=tpe",
                    "url=" + url,
                    "study=fleet",
                    "trials=100",
                    "grace=60");
        }
        for (int i = 0; i < 2; i++) {
            workers.startCommand(optuna(work, "fleet", optunaUrl, workers.count(), "trials=100"), Map.of("TZ", "UTC"));
        }
        workers.releaseAll();
        List<Integer> codes = workers.awaitAll(Duration.ofSeconds(240));
        String stderr = workers.allStderr();
        assertThat(codes).as(stderr).containsOnly(0);
        assertThat(stderr).doesNotContain("Exception").doesNotContain("Traceback");
        Map<String, Object> dump = dump(optunaUrl);
        try (JdbcStorage storage = Storages.open(url)) {
            long id = storage.findStudy("fleet").orElseThrow();
            List<FrozenTrial> trials = storage.trials(id, EnumSet.allOf(TrialState.class));
            assertThat(trials)
                    .extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, 600).boxed().toList());
            assertThat(new HashSet<>(trials.stream().map(FrozenTrial::id).toList()))
                    .hasSize(600);
            assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE, "COMPLETE");
            OptunaInteropTest.assertSameAsOptuna(storage, dump);
        }
    }

    @Test
    void tunekitRetriesTheTrialOfAKilledOptunaWorkerOnSqlite() throws Exception {
        Path db = dir.resolve("killed-optuna.db");
        tunekitRetriesAKilledOptunaWorker("sqlite:" + db, "sqlite:///" + db);
    }

    private void tunekitRetriesAKilledOptunaWorker(String url, String optunaUrl) throws Exception {
        killedWorkerIsRetried(
                url,
                optunaUrl,
                (workers, work) -> workers.startCommand(optuna(work, "hang", optunaUrl, 0), Map.of("TZ", "UTC")),
                (workers, work) -> workers.startJvm(
                        List.of("-Duser.timezone=Asia/Tokyo"),
                        "mode=heartbeat",
                        "url=" + url,
                        "study=killed",
                        "trials=8",
                        "sleepMillis=600"));
    }

    @Test
    void optunaRetriesTheTrialOfAKilledTunekitWorkerOnSqlite() throws Exception {
        Path db = dir.resolve("killed-tunekit.db");
        optunaRetriesAKilledTunekitWorker("sqlite:" + db, "sqlite:///" + db);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void optunaRetriesTheTrialOfAKilledTunekitWorkerOnPostgres() throws Exception {
        ServerDatabases.inOwnDatabase(
                ServerDatabases.postgresUrl(), url -> optunaRetriesAKilledTunekitWorker(url, sqlalchemy(url)));
    }

    private void optunaRetriesAKilledTunekitWorker(String url, String optunaUrl) throws Exception {
        killedWorkerIsRetried(
                url,
                optunaUrl,
                (workers, work) -> workers.startJvm(
                        List.of("-Duser.timezone=Asia/Tokyo"), "mode=hang", "url=" + url, "study=killed", "trials=1"),
                (workers, work) -> workers.startCommand(
                        optuna(work, "retry", optunaUrl, 0, "trials=8", "sleep=0.6"), Map.of("TZ", "UTC")));
    }

    /** Starts one worker process among {@code workers}, working in {@code work}. */
    @FunctionalInterface
    private interface Start {
        Process start(Workers workers, Path work) throws Exception;
    }

    /**
     * One worker runs trial 0 and is killed (kill -9) inside it; then another, of the other
     * kind, runs 8 trials with heartbeats and RetryFailedTrialCallback.
     */
    private void killedWorkerIsRetried(String url, String optunaUrl, Start dies, Start retries) throws Exception {
        Path first = Files.createDirectories(dir.resolve("dies"));
        Workers dying = new Workers(first);
        Process victim = dies.start(dying, first);
        dying.releaseAll();
        awaitRunning(first.resolve("out-0"), victim);
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Path second = Files.createDirectories(dir.resolve("retries"));
        Workers next = new Workers(second);
        retries.start(next, second);
        next.releaseAll();
        assertThat(next.awaitAll(Duration.ofSeconds(120))).as(next.allStderr()).containsOnly(0);
        assertThat(next.allStderr()).doesNotContain("Traceback").doesNotContain("Exception");
        assertRetriedOnce(url, optunaUrl, "killed");
    }

    /** Trial 0 failed; exactly one retry of it, complete, with its parameters, as both sides read it. */
    private void assertRetriedOnce(String url, String optunaUrl, String study) throws Exception {
        Map<String, Object> dump = dump(optunaUrl);
        try (JdbcStorage storage = Storages.open(url)) {
            List<FrozenTrial> trials =
                    storage.trials(storage.findStudy(study).orElseThrow(), EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(9);
            FrozenTrial killed = trials.get(0);
            assertThat(killed.state()).isEqualTo(TrialState.FAIL);
            List<FrozenTrial> retries = trials.stream()
                    .filter(t -> RetryFailedTrialCallback.retriedTrialNumber(t).isPresent())
                    .toList();
            assertThat(retries).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(r.params()).isEqualTo(killed.params());
                assertThat(RetryFailedTrialCallback.retryHistory(r)).containsExactly(0);
            });
            assertThat(trials.subList(1, 9)).allMatch(t -> t.state() == TrialState.COMPLETE, "COMPLETE");
            OptunaInteropTest.assertSameAsOptuna(storage, dump);
        }
        List<?> optunaTrials = (List<?>) ((Map<?, ?>) dump.get(study)).get("trials");
        List<Integer> retriedNumbers = new ArrayList<>();
        for (Object t : optunaTrials) {
            if (((Map<?, ?>) t).get("retried_trial_number") instanceof Number n) {
                retriedNumbers.add(n.intValue());
                assertThat(((List<?>) ((Map<?, ?>) t).get("retry_history")))
                        .singleElement()
                        .satisfies(h -> assertThat(((Number) h).intValue()).isZero());
            }
        }
        assertThat(retriedNumbers)
                .as("Optuna's RetryFailedTrialCallback reads the retry")
                .containsExactly(0);
    }

    private static void awaitRunning(Path stdout, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(Files.exists(stdout) && Files.readString(stdout).contains("RUNNING 0"))) {
            assertThat(p.isAlive()).as("the worker is still running").isTrue();
            assertThat(System.nanoTime()).as("RUNNING 0 within 90 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<String> optuna(Path work, String mode, String optunaUrl, int index, String... options) {
        List<String> command = new ArrayList<>(List.of(
                System.getenv(PYTHON_ENV),
                script.toString(),
                mode,
                optunaUrl,
                mode.equals("fleet") ? "fleet" : "killed",
                work.toString(),
                Integer.toString(index)));
        command.addAll(List.of(options));
        return command;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dump(String optunaUrl) throws Exception {
        Path work = Files.createDirectories(dir.resolve("dump"));
        Process p = new ProcessBuilder(optuna(work, "dump", optunaUrl, 0))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("dump.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(work.resolve("dump.log"))).isZero();
        Path out = work.resolve("dump-0.json");
        Map<String, Object> dump = (Map<String, Object>) PythonJson.loads(Files.readString(out));
        Files.delete(out);
        return dump;
    }

    /** The SQLAlchemy URL (psycopg2) of a PostgreSQL JDBC URL. */
    static String sqlalchemy(String jdbcUrl) {
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = "postgres";
        for (String kv : u.getQuery().split("&")) {
            if (kv.startsWith("user=")) {
                user = kv.substring(5);
            }
        }
        return "postgresql+psycopg2://" + user + "@" + u.getHost() + ":" + u.getPort() + u.getPath();
    }
}
