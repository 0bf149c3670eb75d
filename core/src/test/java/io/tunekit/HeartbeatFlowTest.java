package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.distribution.Distribution;
import io.tunekit.storage.CreationGuard;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The study's side of heartbeats: beats while an objective runs (surviving failed beats), stale
 * trials failed at each ask and handed to the stale-trial callback, which retries them.
 */
class HeartbeatFlowTest {

    /** An in-memory storage with a fake heartbeat table; trials listed in {@code stale} are failed at the next sweep. */
    static final class HeartbeatStorage implements Storage {
        final InMemoryStorage inner = new InMemoryStorage();
        final Map<Long, AtomicInteger> beats = new ConcurrentHashMap<>();
        final Set<Long> stale = ConcurrentHashMap.newKeySet();
        final AtomicInteger sweeps = new AtomicInteger();
        volatile boolean failEveryOtherBeat;

        @Override
        public Optional<Duration> heartbeatInterval() {
            return Optional.of(Duration.ofMillis(10));
        }

        int beatsOf(long trialId) {
            AtomicInteger n = beats.get(trialId);
            return n == null ? 0 : n.get();
        }

        @Override
        public void recordHeartbeat(long trialId) {
            int n = beats.computeIfAbsent(trialId, k -> new AtomicInteger()).incrementAndGet();
            if (failEveryOtherBeat && n % 2 == 0) {
                throw new io.tunekit.storage.StorageException("database is locked");
            }
        }

        @Override
        public List<FrozenTrial> failStaleTrials(long studyId) {
            sweeps.incrementAndGet();
            List<FrozenTrial> failed = new ArrayList<>();
            for (Long id : stale) {
                if (stale.remove(id) && inner.finishTrial(id, TrialState.FAIL, List.of())) {
                    failed.add(inner.trial(id));
                }
            }
            return failed;
        }

        @Override
        public long createStudy(String name, List<Direction> d) {
            return inner.createStudy(name, d);
        }

        @Override
        public OptionalLong findStudy(String name) {
            return inner.findStudy(name);
        }

        @Override
        public String studyName(long s) {
            return inner.studyName(s);
        }

        @Override
        public List<Direction> studyDirections(long s) {
            return inner.studyDirections(s);
        }

        @Override
        public List<String> studyNames() {
            return inner.studyNames();
        }

        @Override
        public void deleteStudy(long s) {
            inner.deleteStudy(s);
        }

        @Override
        public Map<String, Object> studyUserAttrs(long s) {
            return inner.studyUserAttrs(s);
        }

        @Override
        public Map<String, Object> studySystemAttrs(long s) {
            return inner.studySystemAttrs(s);
        }

        @Override
        public void setStudyUserAttr(long s, String k, Object v) {
            inner.setStudyUserAttr(s, k, v);
        }

        @Override
        public void setStudySystemAttr(long s, String k, Object v) {
            inner.setStudySystemAttr(s, k, v);
        }

        @Override
        public boolean compareAndSetStudySystemAttr(long s, String k, Object e, Object v) {
            return inner.compareAndSetStudySystemAttr(s, k, e, v);
        }

        @Override
        public Optional<FrozenTrial> createTrial(long s, FrozenTrial t, List<CreationGuard> g) {
            return inner.createTrial(s, t, g);
        }

        @Override
        public Optional<FrozenTrial> popWaitingTrial(long s) {
            return inner.popWaitingTrial(s);
        }

        @Override
        public void setTrialParam(long t, String n, double v, Distribution d) {
            inner.setTrialParam(t, n, v, d);
        }

        @Override
        public void setTrialIntermediateValue(long t, int s, double v) {
            inner.setTrialIntermediateValue(t, s, v);
        }

        @Override
        public void setTrialUserAttr(long t, String k, Object v) {
            inner.setTrialUserAttr(t, k, v);
        }

        @Override
        public void setTrialSystemAttr(long t, String k, Object v) {
            inner.setTrialSystemAttr(t, k, v);
        }

        @Override
        public boolean finishTrial(long t, TrialState s, List<Double> v) {
            return inner.finishTrial(t, s, v);
        }

        @Override
        public FrozenTrial trial(long t) {
            return inner.trial(t);
        }

        @Override
        public long trialId(long s, int n) {
            return inner.trialId(s, n);
        }

        @Override
        public List<FrozenTrial> trials(long s, Set<TrialState> st) {
            return inner.trials(s, st);
        }

        @Override
        public int trialCount(long s) {
            return inner.trialCount(s);
        }
    }

    @Test
    void heartbeatsRunWhileTheObjectiveRunsAndSurviveFailedBeats() {
        HeartbeatStorage storage = new HeartbeatStorage();
        storage.failEveryOtherBeat = true;
        Study study = Study.builder().storage(storage).build();
        study.optimize(
                t -> {
                    // Wait for the beats rather than for a fixed time: how many beats a fixed sleep
                    // sees depends on how busy the machine is. The deadline only ends a broken run.
                    long id = t.snapshot().id();
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (storage.beatsOf(id) < 5 && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    return 1.0;
                },
                2);
        for (FrozenTrial t : study.trials()) {
            assertThat(storage.beats.get(t.id()).get())
                    .as("beats of trial %d", t.number())
                    .isGreaterThanOrEqualTo(5);
        }
        int after = storage.beats.values().stream().mapToInt(AtomicInteger::get).sum();
        sleep(60);
        assertThat(storage.beats.values().stream().mapToInt(AtomicInteger::get).sum())
                .as("no beat once the objective returned")
                .isEqualTo(after);
    }

    @Test
    void staleTrialsAreFailedAtAskAndRetriedWithTheirParameters() {
        HeartbeatStorage storage = new HeartbeatStorage();
        Study study = Study.builder()
                .storage(storage)
                .staleTrialCallback(new RetryFailedTrialCallback())
                .build();
        Trial lost = study.ask();
        double x = lost.suggestFloat("x", 0, 1);
        lost.setUserAttr("who", "worker-1");
        storage.stale.add(lost.snapshot().id());

        Trial retry = study.ask();
        assertThat(storage.trial(lost.snapshot().id()).state()).isEqualTo(TrialState.FAIL);
        assertThat(retry.number()).isEqualTo(1);
        assertThat(retry.suggestFloat("x", 0, 1)).isEqualTo(x);
        FrozenTrial retried = retry.snapshot();
        assertThat(retried.userAttrs()).containsEntry("who", "worker-1");
        assertThat(RetryFailedTrialCallback.retriedTrialNumber(retried)).hasValue(0);
        assertThat(RetryFailedTrialCallback.retryHistory(retried)).containsExactly(0);
        assertThat(storage.sweeps.get()).isEqualTo(2);

        storage.stale.add(retried.id());
        Trial again = study.ask();
        assertThat(again.number()).isEqualTo(2);
        assertThat(RetryFailedTrialCallback.retriedTrialNumber(again.snapshot()))
                .as("the chain keeps its origin")
                .hasValue(0);
        assertThat(RetryFailedTrialCallback.retryHistory(again.snapshot())).containsExactly(0, 1);
    }

    @Test
    void retriesStopAtMaxRetry() {
        HeartbeatStorage storage = new HeartbeatStorage();
        Study study = Study.builder()
                .storage(storage)
                .staleTrialCallback(new RetryFailedTrialCallback(1, true))
                .build();
        Trial first = study.ask();
        first.report(0.5, 3);
        storage.stale.add(first.snapshot().id());
        Trial second = study.ask();
        assertThat(second.snapshot().intermediateValues()).containsEntry(3, 0.5);
        storage.stale.add(second.snapshot().id());
        Trial third = study.ask();
        assertThat(RetryFailedTrialCallback.retriedTrialNumber(third.snapshot()))
                .as("a fresh trial, no retry")
                .isEmpty();
        assertThat(study.trials(EnumSet.of(TrialState.FAIL))).hasSize(2);
        assertThat(study.trials()).hasSize(3);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
