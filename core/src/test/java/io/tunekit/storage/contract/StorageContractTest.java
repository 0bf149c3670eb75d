package io.tunekit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.storage.CreationGuard;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Storage} must show, including its atomic operations under
 * concurrent threads. A storage implementation's test extends this class and supplies a fresh,
 * empty storage. (Multi-process behaviour is tested by the implementations themselves.)
 */
public abstract class StorageContractTest {

    protected Storage storage;

    /** A fresh, empty storage. */
    protected abstract Storage newStorage() throws Exception;

    /** Threads used by the concurrency tests. */
    protected int threads() {
        return 8;
    }

    @BeforeEach
    void open() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private static final Set<TrialState> ALL = EnumSet.allOf(TrialState.class);

    @Test
    void createsAndFindsStudies() {
        long a = storage.createStudy("a", List.of(Direction.MINIMIZE));
        long b = storage.createStudy("b", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
        assertThat(a).isNotEqualTo(b);
        assertThat(storage.findStudy("a")).hasValue(a);
        assertThat(storage.findStudy("nope")).isEmpty();
        assertThat(storage.studyName(b)).isEqualTo("b");
        assertThat(storage.studyDirections(b)).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
        assertThat(storage.studyNames()).containsExactly("a", "b");
        assertThatThrownBy(() -> storage.createStudy("a", List.of(Direction.MINIMIZE)))
                .isInstanceOf(DuplicatedStudyException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> storage.studyName(987654)).isInstanceOf(UnknownStudyException.class);
    }

    @Test
    void deletesAStudyWithItsTrials() {
        long s = storage.createStudy("gone", List.of(Direction.MINIMIZE));
        FrozenTrial t = storage.createTrial(s, null, List.of()).orElseThrow();
        storage.setTrialParam(t.id(), "x", 0.5, FloatDistribution.of(0, 1));
        storage.setTrialUserAttr(t.id(), "k", "v");
        storage.setStudyUserAttr(s, "k", 1);
        storage.deleteStudy(s);
        assertThat(storage.findStudy("gone")).isEmpty();
        long again = storage.createStudy("gone", List.of(Direction.MINIMIZE));
        assertThat(storage.trials(again, ALL)).isEmpty();
        assertThat(storage.studyUserAttrs(again)).isEmpty();
    }

    @Test
    void studyAttributesRoundTripAsJson() {
        long s = storage.createStudy("attrs", List.of(Direction.MINIMIZE));
        Map<String, Object> nested = Map.of("list", List.of(1, 2.5, "x"), "flag", true);
        storage.setStudyUserAttr(s, "nested", nested);
        storage.setStudyUserAttr(s, "nan", Double.NaN);
        storage.setStudySystemAttr(s, "big", 1L << 40);
        storage.setStudyUserAttr(s, "nested", Map.of("replaced", "yes"));
        assertThat(storage.studyUserAttrs(s)).containsEntry("nested", Map.of("replaced", "yes"));
        assertThat((Double) storage.studyUserAttrs(s).get("nan")).isNaN();
        assertThat(storage.studySystemAttrs(s)).containsEntry("big", 1L << 40);
        assertThatThrownBy(() -> storage.setStudyUserAttr(s, "bad", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void compareAndSetIsConditional() {
        long s = storage.createStudy("cas", List.of(Direction.MINIMIZE));
        assertThat(storage.compareAndSetStudySystemAttr(s, "k", null, 1)).isTrue();
        assertThat(storage.compareAndSetStudySystemAttr(s, "k", null, 2)).isFalse();
        assertThat(storage.compareAndSetStudySystemAttr(s, "k", 5, 2)).isFalse();
        assertThat(storage.compareAndSetStudySystemAttr(s, "k", 1.0, 2)).isTrue();
        assertThat(storage.studySystemAttrs(s)).containsEntry("k", 2);
    }

    @Test
    void concurrentCompareAndSetCountsExactly() throws Exception {
        long s = storage.createStudy("counter", List.of(Direction.MINIMIZE));
        int perThread = 25;
        runConcurrently(threads(), () -> {
            for (int i = 0; i < perThread; i++) {
                while (true) {
                    Object current = storage.studySystemAttrs(s).get("n");
                    long n = current == null ? 0 : ((Number) current).longValue();
                    if (storage.compareAndSetStudySystemAttr(s, "n", current, n + 1)) {
                        break;
                    }
                }
            }
        });
        assertThat(((Number) storage.studySystemAttrs(s).get("n")).longValue()).isEqualTo((long) threads() * perThread);
    }

    @Test
    void newTrialsAreRunningAndNumberedInOrder() {
        long s = storage.createStudy("numbers", List.of(Direction.MINIMIZE));
        long other = storage.createStudy("other", List.of(Direction.MINIMIZE));
        for (int i = 0; i < 3; i++) {
            FrozenTrial t = storage.createTrial(s, null, List.of()).orElseThrow();
            assertThat(t.number()).isEqualTo(i);
            assertThat(t.state()).isEqualTo(TrialState.RUNNING);
            assertThat(t.datetimeStart()).isNotNull();
            assertThat(t.datetimeComplete()).isNull();
            assertThat(storage.trialId(s, i)).isEqualTo(t.id());
        }
        assertThat(storage.createTrial(other, null, List.of()).orElseThrow().number())
                .isZero();
        assertThat(storage.trialCount(s)).isEqualTo(3);
        assertThatThrownBy(() -> storage.trialId(s, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storesEverythingATrialHas() {
        long s = storage.createStudy("full", List.of(Direction.MINIMIZE));
        long id = storage.createTrial(s, null, List.of()).orElseThrow().id();
        FloatDistribution lr = FloatDistribution.logScale(1e-5, 1);
        IntDistribution depth = IntDistribution.stepped(1, 9, 2);
        CategoricalDistribution kind = CategoricalDistribution.of("a", null, 2.5, true, 7);
        storage.setTrialParam(id, "lr", 0.01, lr);
        storage.setTrialParam(id, "depth", 5, depth);
        storage.setTrialParam(id, "kind", 3, kind);
        storage.setTrialIntermediateValue(id, 0, 1.5);
        storage.setTrialIntermediateValue(id, 3, Double.NaN);
        storage.setTrialIntermediateValue(id, 2, Double.POSITIVE_INFINITY);
        storage.setTrialUserAttr(id, "note", "hello");
        storage.setTrialSystemAttr(id, "constraints:c", -1.0);
        assertThat(storage.finishTrial(id, TrialState.COMPLETE, List.of(Double.NEGATIVE_INFINITY)))
                .isTrue();

        FrozenTrial t = storage.trial(id);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.values()).containsExactly(Double.NEGATIVE_INFINITY);
        assertThat(t.datetimeComplete()).isNotNull();
        assertThat(t.params()).containsExactly(Map.entry("lr", 0.01), Map.entry("depth", 5), Map.entry("kind", true));
        assertThat(t.distributions())
                .containsEntry("lr", lr)
                .containsEntry("depth", depth)
                .containsEntry("kind", kind);
        assertThat(t.intermediateValues().keySet()).containsExactly(0, 2, 3);
        assertThat(t.intermediateValues().get(0)).isEqualTo(1.5);
        assertThat(t.intermediateValues().get(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.intermediateValues().get(3)).isNaN();
        assertThat(t.userAttrs()).containsEntry("note", "hello");
        assertThat(t.constraints()).containsEntry("c", -1.0);
        assertThat(storage.trials(s, EnumSet.of(TrialState.COMPLETE))).containsExactly(t);
        assertThat(storage.trials(s, EnumSet.of(TrialState.RUNNING))).isEmpty();
    }

    @Test
    void finishedTrialsNeverChange() {
        long s = storage.createStudy("final", List.of(Direction.MINIMIZE));
        long id = storage.createTrial(s, null, List.of()).orElseThrow().id();
        assertThat(storage.finishTrial(id, TrialState.COMPLETE, List.of(1.0))).isTrue();
        assertThat(storage.finishTrial(id, TrialState.FAIL, List.of())).isFalse();
        assertThat(storage.trial(id).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(storage.trial(id).values()).containsExactly(1.0);
        assertThatThrownBy(() -> storage.setTrialParam(id, "x", 0.5, FloatDistribution.of(0, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("finished");
        assertThatThrownBy(() -> storage.setTrialUserAttr(id, "k", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.setTrialSystemAttr(id, "k", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.setTrialIntermediateValue(id, 1, 1.0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.finishTrial(id, TrialState.RUNNING, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parameterKindIsFixedPerStudyButRangesMayChange() {
        long s = storage.createStudy("compat", List.of(Direction.MINIMIZE));
        long a = storage.createTrial(s, null, List.of()).orElseThrow().id();
        long b = storage.createTrial(s, null, List.of()).orElseThrow().id();
        storage.setTrialParam(a, "x", 0.5, FloatDistribution.of(0, 1));
        storage.setTrialParam(b, "x", 1.5, FloatDistribution.of(0, 2));
        long c = storage.createTrial(s, null, List.of()).orElseThrow().id();
        assertThatThrownBy(() -> storage.setTrialParam(c, "x", 1, IntDistribution.of(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different distribution kind");
        assertThatThrownBy(() -> storage.setTrialParam(c, "x", 0.5, FloatDistribution.logScale(0.1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log");
        storage.setTrialParam(c, "k", 0, CategoricalDistribution.of("a", "b"));
        long d = storage.createTrial(s, null, List.of()).orElseThrow().id();
        assertThatThrownBy(() -> storage.setTrialParam(d, "k", 0, CategoricalDistribution.of("a", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dynamic value space");
        assertThat(storage.trial(c).params()).doesNotContainKey("x");
    }

    @Test
    void templatesAreCopiedWithANewNumber() {
        long s = storage.createStudy("templates", List.of(Direction.MAXIMIZE));
        storage.createTrial(s, null, List.of());
        FrozenTrial template = FrozenTrial.builder()
                .state(TrialState.COMPLETE)
                .values(0.75)
                .param("x", FloatDistribution.of(0, 1), 0.25)
                .param("c", CategoricalDistribution.of("u", "v"), "v")
                .userAttr("u", List.of(1, 2))
                .systemAttr("s", Map.of("a", 1))
                .intermediateValue(1, 0.5)
                .intermediateValue(4, 0.75)
                .build();
        FrozenTrial added = storage.createTrial(s, template, List.of()).orElseThrow();
        assertThat(added.number()).isEqualTo(1);
        FrozenTrial stored = storage.trial(added.id());
        assertThat(stored.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(stored.values()).containsExactly(0.75);
        assertThat(stored.params()).containsExactly(Map.entry("x", 0.25), Map.entry("c", "v"));
        assertThat(stored.userAttrs()).containsEntry("u", List.of(1, 2));
        assertThat(stored.systemAttrs()).containsEntry("s", Map.of("a", 1));
        assertThat(stored.intermediateValues()).containsExactly(Map.entry(1, 0.5), Map.entry(4, 0.75));
        assertThat(stored.datetimeStart()).isNotNull();
        assertThat(stored.datetimeComplete()).isNotNull();

        FrozenTrial waiting = storage.createTrial(
                        s,
                        FrozenTrial.builder()
                                .state(TrialState.WAITING)
                                .systemAttr(FrozenTrial.FIXED_PARAMS_KEY, Map.of("x", 0.5))
                                .build(),
                        List.of())
                .orElseThrow();
        assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
        assertThat(waiting.datetimeStart()).isNull();
    }

    @Test
    void popsWaitingTrialsOldestFirstAndOnce() {
        long s = storage.createStudy("pop", List.of(Direction.MINIMIZE));
        FrozenTrial waiting = FrozenTrial.builder().state(TrialState.WAITING).build();
        FrozenTrial first = storage.createTrial(s, waiting, List.of()).orElseThrow();
        storage.createTrial(s, null, List.of());
        FrozenTrial second = storage.createTrial(s, waiting, List.of()).orElseThrow();
        FrozenTrial popped = storage.popWaitingTrial(s).orElseThrow();
        assertThat(popped.id()).isEqualTo(first.id());
        assertThat(popped.state()).isEqualTo(TrialState.RUNNING);
        assertThat(popped.datetimeStart()).isNotNull();
        assertThat(storage.popWaitingTrial(s).orElseThrow().id()).isEqualTo(second.id());
        assertThat(storage.popWaitingTrial(s)).isEmpty();
        assertThatThrownBy(() -> {
                    FrozenTrial w = storage.createTrial(s, waiting, List.of()).orElseThrow();
                    storage.finishTrial(w.id(), TrialState.COMPLETE, List.of(1.0));
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WAITING");
    }

    @Test
    void concurrentCreationGivesEveryNumberOnce() throws Exception {
        long s = storage.createStudy("race", List.of(Direction.MINIMIZE));
        int perThread = 50;
        ConcurrentLinkedQueue<Integer> numbers = new ConcurrentLinkedQueue<>();
        runConcurrently(threads(), () -> {
            for (int i = 0; i < perThread; i++) {
                FrozenTrial t = storage.createTrial(s, null, List.of()).orElseThrow();
                numbers.add(t.number());
                storage.finishTrial(t.id(), TrialState.COMPLETE, List.of((double) i));
            }
        });
        int total = threads() * perThread;
        assertThat(numbers).hasSize(total);
        assertThat(new HashSet<>(numbers)).hasSize(total);
        assertThat(storage.trials(s, ALL)).extracting(FrozenTrial::number).containsExactlyElementsOf(range(total));
    }

    @Test
    void concurrentPopsTakeEachWaitingTrialOnce() throws Exception {
        long s = storage.createStudy("pops", List.of(Direction.MINIMIZE));
        int waiting = 40;
        for (int i = 0; i < waiting; i++) {
            storage.createTrial(
                    s, FrozenTrial.builder().state(TrialState.WAITING).build(), List.of());
        }
        ConcurrentLinkedQueue<Long> popped = new ConcurrentLinkedQueue<>();
        runConcurrently(threads(), () -> {
            Optional<FrozenTrial> t;
            while ((t = storage.popWaitingTrial(s)).isPresent()) {
                popped.add(t.get().id());
            }
        });
        assertThat(popped).hasSize(waiting).doesNotHaveDuplicates();
    }

    @Test
    void trialLimitNeverOvershoots() throws Exception {
        long s = storage.createStudy("budget", List.of(Direction.MINIMIZE));
        List<CreationGuard> guards = List.of(new CreationGuard.TrialLimit(30));
        AtomicInteger created = new AtomicInteger();
        runConcurrently(threads(), () -> {
            while (storage.createTrial(s, null, guards).isPresent()) {
                created.incrementAndGet();
            }
        });
        assertThat(created.get()).isEqualTo(30);
        assertThat(storage.trialCount(s)).isEqualTo(30);
    }

    @Test
    void ticketsAreTakenExactlyOnce() throws Exception {
        long s = storage.createStudy("tickets", List.of(Direction.MINIMIZE));
        List<CreationGuard> guards = List.of(new CreationGuard.Ticket("grid:next", "grid_id", 37));
        ConcurrentLinkedQueue<Integer> tickets = new ConcurrentLinkedQueue<>();
        runConcurrently(threads(), () -> {
            Optional<FrozenTrial> t;
            while ((t = storage.createTrial(s, null, guards)).isPresent()) {
                tickets.add(((Number) t.get().systemAttrs().get("grid_id")).intValue());
            }
        });
        assertThat(tickets).hasSize(37);
        assertThat(new HashSet<>(tickets)).containsExactlyInAnyOrderElementsOf(range(37));
        assertThat(((Number) storage.studySystemAttrs(s).get("grid:next")).longValue())
                .isEqualTo(37);
        assertThat(storage.trialCount(s)).isEqualTo(37);
    }

    @Test
    void concurrentFinishSucceedsOnce() throws Exception {
        long s = storage.createStudy("finish", List.of(Direction.MINIMIZE));
        long id = storage.createTrial(s, null, List.of()).orElseThrow().id();
        AtomicInteger winners = new AtomicInteger();
        runConcurrently(threads(), () -> {
            if (storage.finishTrial(id, TrialState.COMPLETE, List.of(1.0))) {
                winners.incrementAndGet();
            }
        });
        assertThat(winners.get()).isEqualTo(1);
    }

    @Test
    void snapshotsAreImmutable() {
        long s = storage.createStudy("immutable", List.of(Direction.MINIMIZE));
        FrozenTrial t = storage.createTrial(s, null, List.of()).orElseThrow();
        assertThatThrownBy(() -> t.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        List<FrozenTrial> all = storage.trials(s, ALL);
        assertThatThrownBy(() -> all.add(t)).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Runs {@code task} on {@code n} threads released at once; rethrows the first failure. */
    protected static void runConcurrently(int n, ThrowingRunnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                task.run();
                return null;
            }));
        }
        go.countDown();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task that may throw. */
    @FunctionalInterface
    protected interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return Collections.unmodifiableList(out);
    }
}
