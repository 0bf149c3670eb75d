package io.tunekit.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.InMemoryStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CmaEsSamplerTest {

    private static double sphere(Trial t) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double x = t.suggestFloat("x" + i, -5, 5);
            s += (x - 1) * (x - 1);
        }
        return s;
    }

    private static Integer intAttr(FrozenTrial t, String key) {
        return t.systemAttrs().get(key) instanceof Number n ? n.intValue() : null;
    }

    @Test
    void oneWorkerFillsEachGenerationsSlotsInOrderAndConverges() {
        CmaEsSampler sampler = CmaEsSampler.builder().seed(1).build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(201));
        List<FrozenTrial> trials = study.trials();
        int popsize = CmaOptimizer.defaultPopsize(4); // 8
        assertThat(popsize).isEqualTo(8);
        assertThat(trials.get(0).systemAttrs()).doesNotContainKey(sampler.generationKey()); // the random start
        for (int i = 1; i < trials.size(); i++) {
            FrozenTrial t = trials.get(i);
            assertThat(intAttr(t, sampler.generationKey())).as("trial %d", i).isEqualTo((i - 1) / popsize);
            assertThat(intAttr(t, CmaEsSampler.SLOT_KEY)).as("trial %d", i).isEqualTo((i - 1) % popsize);
        }
        assertThat(study.bestValue()).isLessThan(1e-2);
    }

    @Test
    void maximisingWorksOnTheNegatedObjective() {
        Study study = Study.builder()
                .direction(Direction.MAXIMIZE)
                .sampler(CmaEsSampler.builder().seed(2).build())
                .build();
        study.optimize(t -> -sphere(t), OptimizeOptions.trials(150));
        assertThat(study.bestValue()).isGreaterThan(-0.05);
    }

    @Test
    void fourThreadsGiveEachSlotOfAGenerationToOneTrial() {
        CmaEsSampler sampler = CmaEsSampler.builder().seed(3).popsize(6).build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(120).parallelism(4));
        Map<Integer, Set<Integer>> slotsByGeneration = new HashMap<>();
        int maxGeneration = 0;
        for (FrozenTrial t : study.trials()) {
            Integer g = intAttr(t, sampler.generationKey());
            Integer slot = intAttr(t, CmaEsSampler.SLOT_KEY);
            if (g == null) {
                assertThat(slot).isNull();
                continue;
            }
            assertThat(slot).isBetween(0, 5);
            assertThat(slotsByGeneration
                            .computeIfAbsent(g, k -> new HashSet<>())
                            .add(slot))
                    .as("slot %d of generation %d taken twice", slot, g)
                    .isTrue();
            maxGeneration = Math.max(maxGeneration, g);
        }
        // How many generations 120 trials complete depends on thread timing: while the last slot
        // trials of a generation run, the other threads' trials overflow (no slot). On a quiet
        // machine 7 of 20 possible generations were seen; the claim under test needs several.
        assertThat(maxGeneration).isGreaterThanOrEqualTo(2);
        for (int g = 0; g < maxGeneration; g++) {
            assertThat(slotsByGeneration.get(g)).as("generation %d", g).hasSize(6);
        }
    }

    @Test
    void aFailedTrialsSlotGoesToTheNextTrialAndAFullGenerationOverflows() {
        CmaEsSampler sampler =
                CmaEsSampler.builder().seed(4).popsize(4).nStartupTrials(0).build();
        Study study = Study.builder().sampler(sampler).build();
        // the joint space is that of the finished trials: one must finish first
        study.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(1));
        List<Trial> asked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Trial t = study.ask();
            sphere(t);
            asked.add(t);
        }
        List<FrozenTrial> trials = study.trials().subList(1, 6);
        for (int i = 0; i < 4; i++) {
            assertThat(intAttr(trials.get(i), CmaEsSampler.SLOT_KEY)).isEqualTo(i);
        }
        assertThat(trials.get(4).systemAttrs())
                .containsEntry(CmaEsSampler.OVERFLOW_KEY, 0)
                .doesNotContainKey(CmaEsSampler.SLOT_KEY);
        study.tell(asked.get(2), TrialState.FAIL);
        Trial retry = study.ask();
        sphere(retry);
        assertThat(intAttr(study.trial(retry.number()), CmaEsSampler.SLOT_KEY)).isEqualTo(2);
        for (Trial t : List.of(asked.get(0), asked.get(1), asked.get(3), asked.get(4), retry)) {
            study.tell(t, 1.0);
        }
        Trial next = study.ask();
        sphere(next);
        FrozenTrial n = study.trial(next.number());
        assertThat(intAttr(n, sampler.generationKey())).isEqualTo(1);
        assertThat(intAttr(n, CmaEsSampler.SLOT_KEY)).isZero();
    }

    @Test
    void aNewProcessContinuesTheSearchFromTheStudy() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.builder()
                .name("shared")
                .storage(storage)
                .sampler(CmaEsSampler.builder().seed(5).build())
                .build();
        first.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(41)); // 1 + 5 generations of 8
        CmaEsSampler fresh = CmaEsSampler.builder().seed(99).build();
        Study second = Study.builder()
                .name("shared")
                .storage(storage)
                .sampler(fresh)
                .loadIfExists(true)
                .build();
        second.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(1));
        FrozenTrial last = second.trials().get(41);
        assertThat(intAttr(last, fresh.generationKey())).isEqualTo(5);
        assertThat(intAttr(last, CmaEsSampler.SLOT_KEY)).isZero();
    }

    @Test
    void ipopRestartsWithADoubledPopulationWhenTheRunStalls() {
        CmaEsSampler sampler = CmaEsSampler.builder()
                .seed(6)
                .popsize(4)
                .restartStrategy(RestartStrategy.IPOP)
                .build();
        Study study = Study.builder().sampler(sampler).build();
        // a flat objective: the value range of the last generations is 0 < tolfun
        study.optimize(
                t -> {
                    t.suggestFloat("a", 0, 1);
                    t.suggestFloat("b", 0, 1);
                    return 1.0;
                },
                OptimizeOptions.trials(300));
        Set<Integer> restarts = new HashSet<>();
        Map<Integer, Set<Integer>> slotsByRestart = new HashMap<>();
        for (FrozenTrial t : study.trials()) {
            Integer r = intAttr(t, "cma:n_restarts");
            if (r != null) {
                restarts.add(r);
                slotsByRestart.computeIfAbsent(r, k -> new HashSet<>()).add(intAttr(t, CmaEsSampler.SLOT_KEY));
            }
        }
        assertThat(restarts).contains(0, 1, 2);
        assertThat(slotsByRestart.get(0)).hasSize(4);
        assertThat(slotsByRestart.get(1)).hasSize(8);
        assertThat(slotsByRestart.get(2)).hasSize(16);
    }

    @Test
    void bipopAlternatesLargeAndSmallPopulations() {
        CmaEsSampler sampler = CmaEsSampler.builder()
                .seed(7)
                .popsize(4)
                .restartStrategy(RestartStrategy.BIPOP)
                .build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(
                t -> {
                    t.suggestFloat("a", 0, 1);
                    t.suggestFloat("b", 0, 1);
                    return 1.0;
                },
                OptimizeOptions.trials(600));
        Map<Integer, Integer> popsizeByRestart = new HashMap<>();
        for (FrozenTrial t : study.trials()) {
            Integer r = intAttr(t, "cma:n_restarts");
            Integer slot = intAttr(t, CmaEsSampler.SLOT_KEY);
            if (r != null) {
                popsizeByRestart.merge(r, slot + 1, Math::max);
            }
        }
        // run 0 counts as large; restart 1 is small, since no small run has spent evaluations yet;
        // small runs (population 4 * 2^(k u^2) after k large restarts) alternate with large ones
        // (4 * 2^k) so that both regimes spend about as many evaluations
        assertThat(popsizeByRestart.get(0)).isEqualTo(4);
        assertThat(popsizeByRestart.get(1)).isEqualTo(4);
        assertThat(popsizeByRestart.values()).contains(8);
        assertThat(popsizeByRestart.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void categoricalAndConditionalParametersComeFromTheIndependentSampler() {
        CmaEsSampler sampler = CmaEsSampler.builder()
                .seed(8)
                .independentSampler(new RandomSampler(8))
                .warnIndependentSampling(false)
                .build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(
                t -> {
                    double x = t.suggestFloat("x", -2, 2);
                    double y = t.suggestFloat("y", -2, 2);
                    String kind = t.suggestCategorical("kind", List.of("a", "b"));
                    double extra = kind.equals("a") ? t.suggestFloat("z", 0, 1) : 0;
                    return x * x + y * y + extra;
                },
                OptimizeOptions.trials(60));
        Map<String, ?> space =
                sampler.inferRelativeSearchSpace(study.view(), study.trials().get(59));
        assertThat(space.keySet()).containsExactlyInAnyOrder("x", "y");
        assertThat(study.trials().stream().map(t -> t.params().get("kind")).distinct())
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void intsAndSteppedFloatsStayOnTheirGrid() {
        Study study =
                Study.builder().sampler(CmaEsSampler.builder().seed(9).build()).build();
        study.optimize(
                t -> {
                    int n = t.suggestInt("n", -3, 17, 4);
                    double s = t.suggestFloat("s", 0.5, 2.0, 0.25);
                    int l = t.suggestLogInt("l", 1, 1000);
                    double f = t.suggestLogFloat("f", 1e-4, 1);
                    return Math.abs(n - 9) + Math.abs(s - 1.25) + Math.abs(Math.log(l) - 3) + Math.abs(Math.log(f) + 5);
                },
                OptimizeOptions.trials(80));
        for (FrozenTrial t : study.trials()) {
            t.distributions()
                    .forEach((name, d) -> assertThat(
                                    d.contains(d.toInternal(t.params().get(name))))
                            .as("%s=%s in %s", name, t.params().get(name), d)
                            .isTrue());
        }
    }

    @Test
    void x0AndSigma0SetTheStartAndMustCoverTheSpace() {
        CmaEsSampler sampler = CmaEsSampler.builder()
                .seed(10)
                .x0(Map.of("x0", 4.0, "x1", 4.0, "x2", 4.0, "x3", 4.0))
                .sigma0(0.01)
                .nStartupTrials(0)
                .build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(9));
        for (FrozenTrial t : study.trials().subList(1, 9)) { // the first has no joint space yet
            assertThat((double) t.params().get("x0")).isBetween(3.5, 4.5);
        }
        Study missing = Study.builder()
                .sampler(CmaEsSampler.builder()
                        .x0(Map.of("x0", 1.0))
                        .nStartupTrials(0)
                        .build())
                .build();
        assertThatThrownBy(() -> missing.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x0 has no value for parameter 'x1' of the search space [x0, x1, x2, x3]");
    }

    @Test
    void aWarmStartBeginsNearTheSourceTasksBest() {
        Study source = Study.builder().sampler(new RandomSampler(11)).build();
        source.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(200));
        CmaEsSampler sampler = CmaEsSampler.builder()
                .seed(11)
                .sourceTrials(source.trials())
                .nStartupTrials(0)
                .build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(9));
        double mean = study.trials().subList(1, 9).stream()
                .mapToDouble(t -> t.values().get(0))
                .average()
                .orElseThrow();
        double randomMean = source.trials().stream()
                .mapToDouble(t -> t.values().get(0))
                .average()
                .orElseThrow();
        assertThat(mean).isLessThan(randomMean / 2);
        assertThatThrownBy(() -> CmaEsSampler.builder()
                        .sourceTrials(source.trials())
                        .sigma0(0.1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sourceTrials");
    }

    @Test
    void separableCmaKeepsADiagonalAndStillConverges() {
        CmaEsSampler sampler = CmaEsSampler.builder().seed(12).useSeparableCma().build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(200));
        assertThat(sampler.generationKey()).isEqualTo("sepcma:generation");
        assertThat(intAttr(study.trials().get(199), "sepcma:generation")).isNotNull();
        assertThat(study.bestValue()).isLessThan(1e-2);
    }

    @Test
    void multiObjectiveStudiesAreRefused() {
        Study study = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(CmaEsSampler.builder().build())
                .build();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestFloat("x", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multi-objective");
    }

    @Test
    void withMarginIntsKeepMovingAndPointsForTheUpdateAreKept() {
        CmaEsSampler sampler = CmaEsSampler.builder().seed(13).withMargin().build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(
                t -> {
                    int n = t.suggestInt("n", 0, 10);
                    int m = t.suggestInt("m", -5, 5);
                    double x = t.suggestFloat("x", -1, 1, 0.25);
                    return (n - 7) * (n - 7) + (m + 2) * (m + 2) + x * x;
                },
                OptimizeOptions.trials(120));
        assertThat(sampler.generationKey()).isEqualTo("cmawm:generation");
        for (FrozenTrial t : study.trials().subList(1, 120)) {
            assertThat(t.systemAttrs().get(CmaEsSampler.X_FOR_TELL_KEY))
                    .asList()
                    .hasSize(3);
            t.distributions()
                    .forEach((name, d) -> assertThat(
                                    d.contains(d.toInternal(t.params().get(name))))
                            .isTrue());
        }
        assertThat(study.bestValue()).isZero();
        assertThatThrownBy(() ->
                        CmaEsSampler.builder().withMargin().useSeparableCma().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("margin");
    }

    @Test
    void learningRateAdaptationRunsAndIsRefusedWithTheOtherVariants() {
        Study study = Study.builder()
                .sampler(CmaEsSampler.builder().seed(14).lrAdapt().build())
                .build();
        study.optimize(CmaEsSamplerTest::sphere, OptimizeOptions.trials(200));
        assertThat(study.bestValue()).isLessThan(0.1);
        assertThatThrownBy(() -> CmaEsSampler.builder().lrAdapt().withMargin().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lrAdapt");
    }
}
