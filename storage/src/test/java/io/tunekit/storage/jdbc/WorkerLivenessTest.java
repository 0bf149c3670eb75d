package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.RetryFailedTrialCallback;
import io.tunekit.Study;
import io.tunekit.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats between real worker JVMs: they agree across JVM time zones, a worker that dies
 * before its heartbeat thread ever runs still leaves a trial the next worker fails and retries,
 * and retries never push a study past its budget.
 */
@Timeout(180)
class WorkerLivenessTest {

    @TempDir
    Path dir;

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void heartbeatsAgreeAcrossTimeZonesOnPostgres() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.postgresUrl(), this::liveTrialOutlastsTheGraceInAnotherTimeZone);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void heartbeatsAgreeAcrossTimeZonesOnMariaDb() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.mysqlUrl(), this::liveTrialOutlastsTheGraceInAnotherTimeZone);
    }

    /**
     * A worker in UTC runs one 8 s trial with 1 s heartbeats (grace 2 s) while a worker in
     * Asia/Tokyo (9 hours ahead) sweeps for stale trials between its own short trials: nobody's
     * trial may be failed. (On SQLite the clock is UTC everywhere; the mixed fleets of
     * {@link Optuna5InteropTest} run JVMs in four zones on SQLite and PostgreSQL.)
     */
    private void liveTrialOutlastsTheGraceInAnotherTimeZone(String url) throws Exception {
        String study = "tz-" + UUID.randomUUID();
        Workers workers = new Workers(dir);
        workers.startJvm(
                List.of("-Duser.timezone=UTC"),
                "mode=heartbeat",
                "url=" + url,
                "study=" + study,
                "trials=1",
                "sleepMillis=8000");
        workers.startJvm(
                List.of("-Duser.timezone=Asia/Tokyo"),
                "mode=heartbeat",
                "url=" + url,
                "study=" + study,
                "trials=25",
                "sleepMillis=400");
        workers.releaseAll();
        List<Integer> codes = workers.awaitAll(Duration.ofSeconds(150));
        assertThat(codes).as(workers.allStderr()).containsOnly(0);
        try (JdbcStorage storage = Storages.open(url)) {
            List<FrozenTrial> trials =
                    storage.trials(storage.findStudy(study).orElseThrow(), EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(26).allMatch(t -> t.state() == TrialState.COMPLETE, "COMPLETE");
        }
    }

    /**
     * A worker halts its JVM at once inside its first trial (before the heartbeat thread could
     * run); a second worker, started after it died, with a budget of 10 trials, fails the dead
     * trial as stale, retries it, and ends with exactly 10 trials.
     */
    @Test
    void aWorkerKilledBeforeItsFirstHeartbeatHasItsTrialFailedAndRetriedWithinTheBudget() throws Exception {
        String url = "sqlite:" + dir.resolve("halt.db");
        String study = "halt";
        Path firstDir = dir.resolve("first");
        Path secondDir = dir.resolve("second");
        java.nio.file.Files.createDirectories(firstDir);
        java.nio.file.Files.createDirectories(secondDir);
        Workers dying = new Workers(firstDir);
        dying.start("mode=halt", "url=" + url, "study=" + study);
        dying.releaseAll();
        assertThat(dying.awaitAll(Duration.ofSeconds(60))).containsExactly(137);
        try (JdbcStorage storage = Storages.open(url)) {
            List<FrozenTrial> trials =
                    storage.trials(storage.findStudy(study).orElseThrow(), EnumSet.allOf(TrialState.class));
            assertThat(trials).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.RUNNING);
        }
        Workers next = new Workers(secondDir);
        next.start("mode=heartbeat-budget", "url=" + url, "study=" + study, "budget=10", "sleepMillis=600");
        next.releaseAll();
        assertThat(next.awaitAll(Duration.ofSeconds(120))).as(next.allStderr()).containsExactly(0);
        try (JdbcStorage storage = Storages.open(url)) {
            List<FrozenTrial> trials =
                    storage.trials(storage.findStudy(study).orElseThrow(), EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(10);
            assertThat(trials.get(0).state()).isEqualTo(TrialState.FAIL);
            List<FrozenTrial> retries = trials.stream()
                    .filter(t -> RetryFailedTrialCallback.retriedTrialNumber(t).isPresent())
                    .toList();
            assertThat(retries).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(RetryFailedTrialCallback.retryHistory(r)).containsExactly(0);
            });
            assertThat(trials.subList(1, 10)).allMatch(t -> t.state() == TrialState.COMPLETE, "COMPLETE");
        }
    }

    /**
     * Nine trials are done and one is stale when a worker with a budget of 10 starts: the stale
     * trial is failed, and its retry would be the 11th trial, so it is not created.
     */
    @Test
    void aRetryIsNotCreatedWhenTheBudgetIsUsedUp() throws Exception {
        String url = "sqlite:" + dir.resolve("budget.db");
        try (JdbcStorage storage = Storages.builder(url)
                .heartbeatInterval(Duration.ofSeconds(1))
                .gracePeriod(Duration.ofSeconds(2))
                .build()) {
            Study study = Study.builder()
                    .name("budget")
                    .storage(storage)
                    .staleTrialCallback(new RetryFailedTrialCallback())
                    .build();
            long id = storage.findStudy("budget").orElseThrow();
            FrozenTrial stale = storage.createTrial(id, null, List.of()).orElseThrow();
            storage.recordHeartbeat(stale.id());
            try (Connection c =
                            DriverManager.getConnection(StorageUrl.parse(url).jdbcUrl());
                    Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE trial_heartbeats SET heartbeat = '2000-01-01 00:00:00'");
            }
            for (int i = 0; i < 9; i++) {
                study.addTrial(FrozenTrial.builder()
                        .state(TrialState.COMPLETE)
                        .values(i)
                        .build());
            }
            study.optimize(
                    t -> t.suggestFloat("x", 0, 1), OptimizeOptions.unlimited().maxStudyTrials(10));
            assertThat(study.trials()).hasSize(10);
            assertThat(study.trials().get(0).state()).isEqualTo(TrialState.FAIL);
            assertThat(storage.studyDirections(id)).containsExactly(Direction.MINIMIZE);
        }
    }
}
