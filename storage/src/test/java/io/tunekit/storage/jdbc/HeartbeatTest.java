package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats on the database clock and the exactly-once failing of stale trials. */
class HeartbeatTest {

    @TempDir
    Path dir;

    private JdbcStorage open(Duration interval, Duration grace) {
        return open("sqlite:" + dir.resolve("hb.db"), interval, grace);
    }

    private static JdbcStorage open(String url, Duration interval, Duration grace) {
        return Storages.builder(url)
                .heartbeatInterval(interval)
                .gracePeriod(grace)
                .build();
    }

    @Test
    void aStaleTrialIsFailedExactlyOnceWhileSweepersRace() throws Exception {
        staleTrialIsFailedOnce("sqlite:" + dir.resolve("hb.db"));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void aStaleTrialIsFailedExactlyOnceOnPostgres() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.postgresUrl(), HeartbeatTest::staleTrialIsFailedOnce);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.MYSQL_ENV, matches = ".+")
    void aStaleTrialIsFailedExactlyOnceOnMariaDb() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.mysqlUrl(), HeartbeatTest::staleTrialIsFailedOnce);
    }

    @Test
    void theOwnerOfATrialAnotherProcessFailedReadsItAsFailed() throws Exception {
        String url = "sqlite:" + dir.resolve("owner.db");
        try (JdbcStorage owner = open(url, Duration.ofSeconds(1), Duration.ofSeconds(2));
                JdbcStorage sweeper = open(url, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            long study = owner.createStudy("owner", List.of(Direction.MINIMIZE));
            FrozenTrial trial = owner.createTrial(study, null, List.of()).orElseThrow();
            owner.recordHeartbeat(trial.id());
            try (Connection c =
                            DriverManager.getConnection(StorageUrl.parse(url).jdbcUrl());
                    Statement s = c.createStatement()) {
                s.executeUpdate(
                        "UPDATE trial_heartbeats SET heartbeat = '2000-01-01 00:00:00' WHERE trial_id = " + trial.id());
            }
            assertThat(sweeper.failStaleTrials(study))
                    .extracting(FrozenTrial::id)
                    .containsExactly(trial.id());
            assertThat(owner.trial(trial.id()).state()).isEqualTo(TrialState.FAIL);
            assertThat(owner.finishTrial(trial.id(), TrialState.COMPLETE, List.of(1.0)))
                    .isFalse();
        }
    }

    /** Heartbeats on the database clock: an old one is stale, a fresh one or none is not. */
    private static void staleTrialIsFailedOnce(String url) throws Exception {
        String name = "hb-" + UUID.randomUUID();
        try (JdbcStorage storage = open(url, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            long study = storage.createStudy(name, List.of(Direction.MINIMIZE));
            FrozenTrial stale = storage.createTrial(study, null, List.of()).orElseThrow();
            FrozenTrial fresh = storage.createTrial(study, null, List.of()).orElseThrow();
            FrozenTrial silent = storage.createTrial(study, null, List.of()).orElseThrow(); // never beat: never stale
            storage.recordHeartbeat(stale.id());
            storage.recordHeartbeat(fresh.id());
            try (Connection c =
                            DriverManager.getConnection(StorageUrl.parse(url).jdbcUrl());
                    Statement s = c.createStatement()) {
                s.executeUpdate(
                        "UPDATE trial_heartbeats SET heartbeat = '2000-01-01 00:00:00' WHERE trial_id = " + stale.id());
            }
            AtomicInteger failed = new AtomicInteger();
            try (JdbcStorage other = open(url, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
                Thread[] threads = new Thread[8];
                for (int i = 0; i < threads.length; i++) {
                    JdbcStorage s = i % 2 == 0 ? storage : other;
                    threads[i] = new Thread(
                            () -> failed.addAndGet(s.failStaleTrials(study).size()));
                }
                for (Thread t : threads) {
                    t.start();
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
            assertThat(failed.get()).isEqualTo(1);
            assertThat(storage.trial(stale.id()).state()).isEqualTo(TrialState.FAIL);
            assertThat(storage.trial(stale.id()).datetimeComplete()).isNotNull();
            assertThat(storage.trial(fresh.id()).state()).isEqualTo(TrialState.RUNNING);
            assertThat(storage.trial(silent.id()).state()).isEqualTo(TrialState.RUNNING);
            assertThat(storage.finishTrial(stale.id(), TrialState.COMPLETE, List.of(1.0)))
                    .isFalse();
            assertThatThrownBy(() -> storage.setTrialUserAttr(stale.id(), "k", 1))
                    .isInstanceOf(IllegalStateException.class);
            storage.deleteStudy(study);
        }
    }

    @Test
    void aLiveWorkerIsNeverFailedEvenWhenItsTrialOutlastsTheGraceManyTimes() {
        try (JdbcStorage storage = open(Duration.ofMillis(100), Duration.ofMillis(500))) {
            Study study = Study.builder()
                    .name("live")
                    .storage(storage)
                    .staleTrialCallback(new RetryFailedTrialCallback())
                    .build();
            // Trial 0 runs 2.5 s (5 graces) while the other thread asks ~100 times, sweeping each time.
            study.optimize(
                    t -> {
                        double x = t.suggestFloat("x", 0, 1);
                        Thread.sleep(t.number() == 0 ? 2500 : 20);
                        return x;
                    },
                    OptimizeOptions.trials(100).parallelism(2));
            assertThat(study.trials()).hasSize(100).allMatch(t -> t.state() == TrialState.COMPLETE);
        }
    }

    @Test
    void heartbeatsAreOffByDefault() {
        try (JdbcStorage storage = Storages.open("sqlite:" + dir.resolve("off.db"))) {
            assertThat(storage.heartbeatInterval()).isEmpty();
            long study = storage.createStudy("s", List.of(Direction.MINIMIZE));
            storage.createTrial(study, null, List.of());
            assertThat(storage.failStaleTrials(study)).isEmpty();
        }
        assertThatThrownBy(() -> Storages.builder("sqlite:x.db")
                        .gracePeriod(Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a heartbeatInterval");
        assertThatThrownBy(() -> Storages.builder("sqlite:x.db").heartbeatInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
