package io.tunekit.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Objective;
import io.tunekit.Study;
import io.tunekit.StudyView;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.sampler.RandomSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

    private static final Objective MIXED = trial -> {
        double x = trial.suggestFloat("x", -5, 5);
        double lr = trial.suggestLogFloat("lr", 1e-4, 1);
        int n = trial.suggestInt("n", 0, 20);
        String kind = trial.suggestCategorical("kind", List.of("a", "b", "c"));
        return x * x + Math.abs(Math.log10(lr) + 2) + Math.abs(n - 7) + (kind.equals("b") ? 0 : 1);
    };

    private static Study study(io.tunekit.sampler.Sampler sampler) {
        return Study.builder().direction(Direction.MINIMIZE).sampler(sampler).build();
    }

    private static List<Map<String, Object>> params(Study study) {
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void startupTrialsComeFromARandomSamplerWithTheSameSeed() {
        Study tpe = study(TpeSampler.builder().seed(5).build());
        Study random = study(new RandomSampler(5));
        tpe.optimize(MIXED, 10);
        random.optimize(MIXED, 10);
        assertThat(params(tpe)).isEqualTo(params(random));
    }

    @Test
    void seededRunsRepeatExactlyAndOtherSeedsDiffer() {
        List<List<Map<String, Object>>> runs = new ArrayList<>();
        for (long seed : new long[] {11, 11, 12}) {
            Study s = study(TpeSampler.builder().seed(seed).build());
            s.optimize(MIXED, 40);
            runs.add(params(s));
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2).subList(10, 40)).isNotEqualTo(runs.get(0).subList(10, 40));
    }

    @Test
    void multivariateSamplesTheCommonParametersJointlyAfterStartup() {
        RecordingSampler spy = new RecordingSampler(TpeSampler.builder().seed(1).build());
        study(spy).optimize(MIXED, 15);
        assertThat(spy.names("independent", 10)).isEmpty();
        assertThat(spy.calls.stream().filter(c -> c.trial() >= 10 && c.path().equals("relative")))
                .allSatisfy(c -> assertThat(c.names()).containsExactly("kind", "lr", "n", "x"));
        assertThat(spy.names("relative", 0)).hasSize(5 * 4);
    }

    @Test
    void univariateSamplesEveryParameterOnItsOwn() {
        RecordingSampler spy = new RecordingSampler(
                TpeSampler.builder().seed(1).multivariate(false).build());
        study(spy).optimize(MIXED, 15);
        assertThat(spy.relativeSpaces).allSatisfy(s -> assertThat(s).isEmpty());
        assertThat(spy.names("independent", 10)).hasSize(5 * 4);
    }

    /** x in {A, B}; A needs y (float), B needs z (int). */
    private static final Objective CONDITIONAL = trial -> {
        String branch = trial.suggestCategorical("branch", List.of("A", "B"));
        if (branch.equals("A")) {
            double y = trial.suggestFloat("y", -10, 10);
            return y * y;
        }
        int z = trial.suggestInt("z", -10, 10);
        return z * z + 1;
    };

    @Test
    void conditionalParametersGoToTheIndependentTpeWithoutGroups() {
        RecordingSampler spy = new RecordingSampler(TpeSampler.builder().seed(3).build());
        study(spy).optimize(CONDITIONAL, 30);
        // only "branch" is in every trial: it alone is sampled jointly, y and z independently
        assertThat(spy.relativeSpaces.get(29)).containsOnlyKeys("branch");
        assertThat(spy.names("relative", 10)).containsOnly("branch");
        assertThat(spy.names("independent", 10))
                .isNotEmpty()
                .containsAnyOf("y", "z")
                .doesNotContain("branch");
        assertThat(spy.names("independent", 0)).containsOnly("branch", "y", "z");
    }

    @Test
    void withGroupsConditionalParametersAreSampledJointlyWithinTheirGroup() {
        RecordingSampler spy =
                new RecordingSampler(TpeSampler.builder().seed(3).group(true).build());
        Study s = study(spy);
        s.optimize(CONDITIONAL, 30);
        assertThat(s.trials().stream().map(t -> t.params().get("branch")).distinct())
                .hasSize(2);
        assertThat(spy.relativeSpaces.get(29)).containsOnlyKeys("branch", "y", "z");
        // after startup, once both branches were seen, nothing falls back to the independent path
        int bothSeen = IntStream.range(0, 30)
                .filter(i -> s.trials().subList(0, i).stream()
                                .map(t -> t.params().get("branch"))
                                .distinct()
                                .count()
                        == 2)
                .findFirst()
                .orElseThrow();
        assertThat(spy.names("independent", Math.max(bothSeen, 10))).isEmpty();
        assertThat(spy.names("relative", 10)).contains("y", "z");
    }

    @Test
    void singleValuedDistributionsNeverReachTheSampler() {
        RecordingSampler spy = new RecordingSampler(TpeSampler.builder().seed(2).build());
        Study s = study(spy);
        s.optimize(
                trial -> trial.suggestFloat("x", 0, 1)
                        + trial.suggestFloat("fixed", 2, 2)
                        + trial.suggestInt("one", 5, 5)
                        + trial.suggestInt("coarse", 0, 3, 4),
                15);
        assertThat(spy.names("independent", 0)).containsOnly("x");
        assertThat(spy.names("relative", 0)).containsOnly("x");
        assertThat(spy.relativeSpaces)
                .allSatisfy(space -> assertThat(space).doesNotContainKeys("fixed", "one", "coarse"));
        assertThat(s.trials())
                .allSatisfy(
                        t -> assertThat(t.params()).containsEntry("fixed", 2.0).containsEntry("one", 5));
    }

    @Test
    void theConstantLiarCountsOtherRunningTrialsWithTheirPlannedParamsButNotTheCurrentOne() throws Exception {
        TpeSampler sampler = TpeSampler.builder().seed(4).build();
        Study s = study(sampler);
        s.optimize(trial -> trial.suggestFloat("x", -1, 1) + trial.suggestFloat("y", -1, 1), 10);
        Trial planned = s.ask();
        double x = planned.suggestFloat("x", -1, 1); // the relative sample plans x and y at once
        Trial idle = s.ask(); // running, nothing planned yet
        Trial current = s.ask();
        FrozenTrial plannedSnapshot = planned.snapshot();

        Map<String, Object> shared = new ObjectMapper()
                .readValue(
                        (String) plannedSnapshot.systemAttrs().get("tpe:relative_params:0"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(shared).containsOnlyKeys("x", "y").containsEntry("x", x);

        StudyView view = s.view();
        SortedMap<String, Distribution> space =
                new TreeMap<>(Map.of("x", FloatDistribution.of(-1, 1), "y", FloatDistribution.of(-1, 1)));
        TpeSampler.Observations obs = sampler.observations(view, current.snapshot(), space);
        List<Integer> all = new ArrayList<>();
        Arrays.stream(obs.belowNumbers()).forEach(all::add);
        Arrays.stream(obs.aboveNumbers()).forEach(all::add);
        assertThat(obs.belowNumbers()).hasSize(1); // gamma(10) = 1
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, planned.number());
        assertThat(all).doesNotContain(idle.number(), current.number());
        int k = Arrays.stream(obs.aboveNumbers()).boxed().toList().indexOf(planned.number());
        assertThat(obs.above()[0][k]).isEqualTo(x);
        assertThat(obs.above()[1][k]).isEqualTo(((Number) shared.get("y")).doubleValue());

        // seen from the planned trial itself, it is the one left out
        TpeSampler.Observations fromPlanned = sampler.observations(view, plannedSnapshot, space);
        assertThat(Arrays.stream(fromPlanned.aboveNumbers()).boxed().toList()).doesNotContain(planned.number());

        // without the liar, running trials are ignored and nothing is shared
        TpeSampler honest = TpeSampler.builder().seed(4).constantLiar(false).build();
        assertThat(honest.observations(view, current.snapshot(), space).aboveNumbers())
                .hasSize(9);
    }

    @Test
    void longPlansAreSharedInChunksOfAtMost2045Characters() throws Exception {
        Study s = study(TpeSampler.builder().seed(6).nStartupTrials(0).build());
        List<String> names = IntStream.range(0, 60)
                .mapToObj(i -> "a_rather_long_parameter_name_number_" + i)
                .toList();
        s.optimize(
                trial -> {
                    double sum = 0;
                    for (String name : names) {
                        sum += trial.suggestFloat(name, 0, 1);
                    }
                    return sum;
                },
                2);
        FrozenTrial second = s.trials().get(1);
        List<String> chunks = new ArrayList<>();
        for (int i = 0; second.systemAttrs().get("tpe:relative_params:" + i) instanceof String c; i++) {
            chunks.add(c);
        }
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c).hasSize(2045));
        Map<?, ?> parsed = new ObjectMapper().readValue(String.join("", chunks), Map.class);
        assertThat(parsed).hasSize(60);
        for (String name : names) {
            assertThat(((Number) parsed.get(name)).doubleValue())
                    .isEqualTo(second.params().get(name));
        }
        assertThat(TpeSampler.PLANS.sharedBy(second)).isEqualTo(parsed);
    }

    @Test
    void concentratesNearTheOptimumFarBetterThanRandom() {
        Objective bowl = trial -> {
            double x = trial.suggestFloat("x", -10, 10);
            double y = trial.suggestFloat("y", -10, 10);
            int k = trial.suggestInt("k", 0, 50);
            return (x - 3) * (x - 3) + (y + 1) * (y + 1) + Math.abs(k - 20);
        };
        for (long seed = 0; seed < 3; seed++) {
            Study tpe = study(TpeSampler.builder().seed(seed).build());
            Study random = study(new RandomSampler(seed));
            tpe.optimize(bowl, 80);
            random.optimize(bowl, 80);
            assertThat(tpe.bestValue()).isLessThan(random.bestValue() / 2);
            // in the last 20 trials many proposals land near the optimum, where random ones hardly ever do
            long near = tpe.trials().subList(60, 80).stream()
                    .filter(t -> t.value() < 10)
                    .count();
            long nearByChance = random.trials().subList(60, 80).stream()
                    .filter(t -> t.value() < 10)
                    .count();
            assertThat(near).isGreaterThanOrEqualTo(6).isGreaterThan(3 * nearByChance);
        }
    }

    @Test
    void maximisingStudiesClimb() {
        Study s = Study.builder()
                .direction(Direction.MAXIMIZE)
                .sampler(TpeSampler.builder().seed(9).build())
                .build();
        s.optimize(trial -> -Math.abs(trial.suggestFloat("x", 0, 100) - 70), 60);
        assertThat(s.bestValue()).isGreaterThan(-1);
        double lateMean = s.trials().subList(40, 60).stream()
                .mapToDouble(FrozenTrial::value)
                .average()
                .orElseThrow();
        assertThat(lateMean).isGreaterThan(-15);
    }

    @Test
    void prunedAndInfeasibleTrialsTakePartWithoutBreakingTheSampler() {
        Study s = study(TpeSampler.builder().seed(8).build());
        s.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", -5, 5);
                    trial.setConstraint("c", x - 2); // feasible iff x <= 2
                    trial.report(x * x, 0);
                    if (trial.number() % 4 == 3) {
                        throw new io.tunekit.TrialPrunedException();
                    }
                    return x * x;
                },
                60);
        assertThat(s.trials(java.util.EnumSet.of(TrialState.PRUNED))).hasSize(15);
        assertThat(s.bestTrial().isFeasible()).isTrue();
        assertThat(Math.abs((Double) s.bestParams().get("x"))).isLessThan(0.5);
    }

    @Test
    void multiObjectiveStudiesDefaultToIndependentSampling() {
        RecordingSampler spy = new RecordingSampler(TpeSampler.builder().seed(5).build());
        Study s = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(spy)
                .build();
        s.optimizeMulti(
                trial -> {
                    double x = trial.suggestFloat("x", 0, 1);
                    double y = trial.suggestFloat("y", 0, 1);
                    return new double[] {x, 1 - x + y};
                },
                io.tunekit.OptimizeOptions.trials(40));
        assertThat(spy.relativeSpaces).allSatisfy(space -> assertThat(space).isEmpty());
        assertThat(s.bestTrials()).isNotEmpty();
        // the Pareto front is y = 0: late trials should mostly keep y small
        double lateY = s.trials().subList(25, 40).stream()
                .mapToDouble(t -> (Double) t.params().get("y"))
                .average()
                .orElseThrow();
        assertThat(lateY).isLessThan(0.35);
    }

    @Test
    void builderRejectsContradictionsAndBadValuesByName() {
        assertThatThrownBy(() -> TpeSampler.builder().multivariate(false).group(true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group=true needs multivariate");
        assertThatThrownBy(() -> TpeSampler.builder().group(true).multivariate(false))
                .hasMessageContaining("group=true needs multivariate");
        assertThatThrownBy(() -> TpeSampler.builder().nStartupTrials(-1)).hasMessageContaining("nStartupTrials=-1");
        assertThatThrownBy(() -> TpeSampler.builder().nEiCandidates(0)).hasMessageContaining("nEiCandidates=0");
        assertThatThrownBy(() -> TpeSampler.builder().priorWeight(Double.NaN)).hasMessageContaining("priorWeight=NaN");
        assertThat(TpeSampler.builder().seed(3).build().toString())
                .contains("seed=3", "nStartupTrials=10", "nEiCandidates=24", "multivariate=auto", "constantLiar=true");
    }

    @Test
    void customGammaAndWeightsAreUsedAndCheckedAndIntsStayOnTheirGrid() {
        Study s = study(TpeSampler.builder()
                .seed(1)
                .gamma(n -> 3)
                .weights(Weights.UNIFORM)
                .priorWeight(0.5)
                .magicClip(false)
                .endpoints(true)
                .build());
        s.optimize(trial -> trial.suggestInt("k", 0, 100, 5) + trial.suggestLogInt("m", 1, 1000), 30);
        assertThat(s.trials()).allSatisfy(t -> {
            assertThat((Integer) t.params().get("k") % 5).isZero();
            assertThat((Integer) t.params().get("m")).isBetween(1, 1000);
        });
        Study bad = study(TpeSampler.builder()
                .seed(1)
                .nStartupTrials(1)
                .weights(n -> new double[n])
                .build());
        bad.optimize(trial -> trial.suggestFloat("x", 0, 1), 1);
        assertThatThrownBy(() -> bad.optimize(trial -> trial.suggestFloat("x", 0, 1) + trial.suggestInt("i", 0, 3), 30))
                .hasMessageContaining("are all zero");
    }

    @Test
    void parametersWhoseRangeChangesAreSampledIndependentlyWithinTheNewRange() {
        RecordingSampler spy = new RecordingSampler(TpeSampler.builder().seed(7).build());
        Study s = study(spy);
        s.optimize(trial -> trial.suggestFloat("a", 0, 1) + trial.suggestFloat("b", 0, 1 + trial.number()), 20);
        assertThat(spy.relativeSpaces.get(19)).containsOnlyKeys("a");
        assertThat(spy.names("independent", 10)).containsOnly("b");
        assertThat(s.trials())
                .allSatisfy(t -> assertThat((Double) t.params().get("b")).isBetween(0.0, 1.0 + t.number()));
        assertThat(new IntDistribution(0, 3, 1, false).isSingle()).isFalse();
        assertThat(CategoricalDistribution.of("only").isSingle()).isTrue();
    }
}
