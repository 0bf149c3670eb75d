package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.RetryFailedTrialCallback;
import io.tunekit.Studies;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once guarantees across real JVM processes sharing one database: each test starts
 * {@link StorageWorker} processes, releases them at the same instant and checks the stored study.
 */
@Timeout(240)
class MultiProcessTest {

    @TempDir
    Path dir;

    private String sqliteUrl() {
        return "sqlite:" + dir.resolve("study.db");
    }

    @Test
    void eightProcessesOfHundredTrialsGiveExactly800NumberedTrials() throws Exception {
        assertRandomRun(sqliteUrl(), "eight", 8, 100);
    }

    @Test
    void eightProcessesCreateSchemaAndStudyAtOnceOnAMissingFile() throws Exception {
        Path db = dir.resolve("cold.db");
        assertThat(db).doesNotExist();
        Workers workers = new Workers(dir);
        for (int i = 0; i < 8; i++) {
            workers.start("mode=random", "url=sqlite:" + db, "study=cold", "trials=5");
        }
        workers.releaseAll();
        assertThat(workers.awaitAll(Duration.ofSeconds(120)))
                .as(workers.allStderr())
                .containsOnly(0);
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            assertThat(storage.studyNames()).containsExactly("cold");
            assertNumberedOnce(storage, "cold", 40);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT version_num FROM alembic_version")).isEqualTo("v3.2.0.a");
            assertThat(single(s, "SELECT COUNT(*) FROM alembic_version")).isEqualTo("1");
            assertThat(single(s, "SELECT COUNT(*) || ' ' || schema_version FROM version_info"))
                    .isEqualTo("1 12");
            assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void gridOf200PointsWithFourProcessesEvaluatesEachPointOnce() throws Exception {
        Workers workers = new Workers(dir);
        for (int i = 0; i < 4; i++) {
            workers.start("mode=grid", "url=" + sqliteUrl(), "study=grid");
        }
        workers.releaseAll();
        assertThat(workers.awaitAll(Duration.ofSeconds(120)))
                .as(workers.allStderr())
                .containsOnly(0);
        try (JdbcStorage storage = Storages.open(sqliteUrl())) {
            List<FrozenTrial> trials = assertNumberedOnce(storage, "grid", 200);
            Set<List<Object>> points = trials.stream()
                    .map(t -> List.of(t.params().get("x"), t.params().get("y")))
                    .collect(Collectors.toSet());
            assertThat(points).hasSize(200);
            assertThat(trials)
                    .extracting(t -> ((Number) t.systemAttrs().get("grid_id")).intValue())
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, 200).boxed().toList());
            assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE);
        }
    }

    @Test
    void studyWideBudgetOf300WithFourProcessesNeverOvershoots() throws Exception {
        Workers workers = new Workers(dir);
        for (int i = 0; i < 4; i++) {
            workers.start("mode=budget", "url=" + sqliteUrl(), "study=budget", "budget=300");
        }
        workers.releaseAll();
        assertThat(workers.awaitAll(Duration.ofSeconds(120)))
                .as(workers.allStderr())
                .containsOnly(0);
        try (JdbcStorage storage = Storages.open(sqliteUrl())) {
            assertThat(assertNumberedOnce(storage, "budget", 300)).allMatch(t -> t.state() == TrialState.COMPLETE);
        }
    }

    @Test
    void trialOfAWorkerKilledWithSigkillFailsAfterTheGraceAndIsRetried() throws Exception {
        Workers workers = new Workers(dir);
        Process doomed = workers.start("mode=hang", "url=" + sqliteUrl(), "study=crash", "trials=1");
        workers.releaseAll();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!workers.stdout(0).contains("RUNNING")) {
            assertThat(System.nanoTime())
                    .as("the doomed worker never started its trial: " + workers.stderr(0))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        int killedNumber = Integer.parseInt(workers.stdout(0).trim().split("\\s+")[1]);
        Thread.sleep(1500); // at least one heartbeat is in
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(doomed.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
        assertThat(doomed.waitFor()).isEqualTo(137); // 128 + SIGKILL

        for (int i = 0; i < 2; i++) {
            workers.start("mode=heartbeat", "url=" + sqliteUrl(), "study=crash", "trials=40", "sleepMillis=100");
        }
        List<Integer> codes = workers.awaitAll(Duration.ofSeconds(120));
        assertThat(codes.subList(1, 3)).as(workers.allStderr()).containsOnly(0);

        try (JdbcStorage storage = Storages.open(sqliteUrl())) {
            List<FrozenTrial> trials = assertNumberedOnce(storage, "crash", 81);
            FrozenTrial killed = trials.get(killedNumber);
            assertThat(killed.state()).isEqualTo(TrialState.FAIL);
            List<FrozenTrial> retries = trials.stream()
                    .filter(t -> RetryFailedTrialCallback.retriedTrialNumber(t).isPresent())
                    .toList();
            assertThat(retries).hasSize(1);
            FrozenTrial retry = retries.get(0);
            assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(retry.params()).isEqualTo(killed.params());
            assertThat(RetryFailedTrialCallback.retryHistory(retry)).containsExactly(killedNumber);
            assertThat(trials.stream().filter(t -> t.number() != killedNumber))
                    .allMatch(t -> t.state() == TrialState.COMPLETE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("study.db"));
                Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA integrity_check")).isEqualTo("ok");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void fourProcessesOnPostgres() throws Exception {
        assertRandomRun(ServerDatabases.postgresUrl(), "mp-" + UUID.randomUUID(), 4, 100);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void fourProcessesOnMariaDb() throws Exception {
        assertRandomRun(ServerDatabases.mysqlUrl(), "mp-" + UUID.randomUUID(), 4, 100);
    }

    private void assertRandomRun(String url, String study, int processes, int trialsEach) throws Exception {
        Workers workers = new Workers(dir);
        for (int i = 0; i < processes; i++) {
            workers.start("mode=random", "url=" + url, "study=" + study, "trials=" + trialsEach);
        }
        workers.releaseAll();
        List<Integer> codes = workers.awaitAll(Duration.ofSeconds(180));
        String stderr = workers.allStderr();
        assertThat(codes).as(stderr).containsOnly(0);
        assertThat(stderr).doesNotContain("database is locked").doesNotContain("Exception");
        try (JdbcStorage storage = Storages.open(url)) {
            assertThat(assertNumberedOnce(storage, study, processes * trialsEach))
                    .allMatch(t -> t.state() == TrialState.COMPLETE);
            Studies.delete(storage, study);
        }
    }

    /** The study has exactly {@code n} trials numbered 0..n-1 once each; returns them by number. */
    private static List<FrozenTrial> assertNumberedOnce(Storage storage, String study, int n) {
        long id = storage.findStudy(study).orElseThrow();
        List<FrozenTrial> trials = storage.trials(id, EnumSet.allOf(TrialState.class));
        assertThat(trials)
                .extracting(FrozenTrial::number)
                .containsExactlyElementsOf(IntStream.range(0, n).boxed().toList());
        assertThat(new HashSet<>(trials.stream().map(FrozenTrial::id).toList())).hasSize(n);
        return new ArrayList<>(trials);
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
