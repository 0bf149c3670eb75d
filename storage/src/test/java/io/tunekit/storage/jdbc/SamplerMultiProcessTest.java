package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.samplers.bruteforce.BruteForceSampler;
import io.tunekit.samplers.cmaes.CmaEsSampler;
import io.tunekit.samplers.qmc.QmcSampler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samplers' exactly-once claims across real JVM processes sharing one SQLite file: each test
 * starts {@link SamplerWorker} processes, releases them at the same instant and checks the study.
 */
@Timeout(240)
class SamplerMultiProcessTest {

    @TempDir
    Path dir;

    private String sqliteUrl() {
        return "sqlite:" + dir.resolve("study.db");
    }

    private List<FrozenTrial> runWorkers(String mode, String study, int processes, String... extra) throws Exception {
        Workers workers = new Workers(dir);
        for (int i = 0; i < processes; i++) {
            List<String> args = new ArrayList<>(List.of("mode=" + mode, "url=" + sqliteUrl(), "study=" + study));
            args.addAll(List.of(extra));
            workers.start(SamplerWorker.class, args.toArray(String[]::new));
        }
        workers.releaseAll();
        assertThat(workers.awaitAll(Duration.ofSeconds(180)))
                .as(workers.allStderr())
                .containsOnly(0);
        try (JdbcStorage storage = Storages.open(sqliteUrl())) {
            long id = storage.findStudy(study).orElseThrow();
            return storage.trials(id, EnumSet.allOf(TrialState.class));
        }
    }

    @Test
    void bruteForceWithFourProcessesEvaluatesEachPointOfAConditionalSpaceOnce() throws Exception {
        List<FrozenTrial> trials = runWorkers("bruteforce", "brute", 4, "sleepMillis=5");
        List<Map<String, Object>> points = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.systemAttrs().containsKey(BruteForceSampler.SURPLUS_KEY)) {
                assertThat(t.state()).isEqualTo(TrialState.PRUNED);
            } else {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
                points.add(new TreeMap<>(t.params()));
            }
        }
        Set<Map<String, Object>> expected = new HashSet<>();
        for (int i = 0; i <= 20; i++) {
            expected.add(new TreeMap<>(Map.of("c", "float", "x", i * 0.5)));
        }
        for (int a = 1; a <= 6; a++) {
            for (int b = a; b <= 6; b++) {
                expected.add(new TreeMap<>(Map.of("c", "int", "a", a, "b", b)));
            }
        }
        assertThat(points).doesNotHaveDuplicates().hasSize(42);
        assertThat(new HashSet<>(points)).isEqualTo(expected);
    }

    @Test
    void qmcWithFourProcessesDrawsEachIndexOfOneSequenceOnce() throws Exception {
        List<FrozenTrial> trials = runWorkers("qmc", "qmc", 4, "trials=30");
        assertThat(trials).hasSize(120).allMatch(t -> t.state() == TrialState.COMPLETE);
        List<Long> ids = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.systemAttrs().get(QmcSampler.SAMPLE_ID_KEY) instanceof Number n) {
                ids.add(n.longValue());
            }
        }
        // only trials started before any finished sample at random (at most one per worker)
        assertThat(ids.size()).isGreaterThanOrEqualTo(116);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids))
                .isEqualTo(new HashSet<>(LongStream.range(0, ids.size()).boxed().toList()));
        Set<List<Object>> points = new HashSet<>();
        trials.forEach(t -> points.add(List.of(t.params().get("x"), t.params().get("y"))));
        assertThat(points).hasSize(120);
    }

    @Test
    void cmaEsWithFourProcessesGivesEachPopulationSlotToOneTrial() throws Exception {
        List<FrozenTrial> trials = runWorkers("cmaes", "cma", 4, "trials=30");
        assertThat(trials).hasSize(120).allMatch(t -> t.state() == TrialState.COMPLETE);
        Map<Integer, Set<Integer>> slotsByGeneration = new HashMap<>();
        int last = 0;
        for (FrozenTrial t : trials) {
            if (!(t.systemAttrs().get("cma:generation") instanceof Number g)) {
                assertThat(t.systemAttrs()).doesNotContainKey(CmaEsSampler.SLOT_KEY);
                continue;
            }
            int slot = ((Number) t.systemAttrs().get(CmaEsSampler.SLOT_KEY)).intValue();
            assertThat(slot).isBetween(0, 5);
            assertThat(slotsByGeneration
                            .computeIfAbsent(g.intValue(), k -> new HashSet<>())
                            .add(slot))
                    .as("slot %d of generation %d taken twice", slot, g)
                    .isTrue();
            last = Math.max(last, g.intValue());
        }
        assertThat(last).isGreaterThanOrEqualTo(5);
        for (int g = 0; g < last; g++) {
            assertThat(slotsByGeneration.get(g)).as("generation %d", g).hasSize(6);
        }
    }
}
