package io.tunekit.samplers.nsga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.MultiObjective;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.sampler.Sampler;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.Storage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NsgaSamplerTest {

    /** Two objectives over x, y in [0, 1] and a categorical; the front is x in [0, 1], y = 0, c = "a". */
    private static final MultiObjective OBJECTIVE = trial -> {
        double x = trial.suggestFloat("x", 0, 1);
        double y = trial.suggestFloat("y", 0, 1);
        String c = trial.suggestCategorical("c", List.of("a", "b", "c"));
        double penalty = c.equals("a") ? 0 : 0.5;
        return new double[] {x + y + penalty, 1 - x + y + penalty};
    };

    private static Study study(Storage storage, String name, Sampler sampler) {
        return Study.builder()
                .name(name)
                .storage(storage)
                .directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(sampler)
                .loadIfExists(true)
                .build();
    }

    private static int generation(FrozenTrial t, String samplerName) {
        return ((Number) t.systemAttrs().get(samplerName + ":generation")).intValue();
    }

    /** Stored parents of each generation, by trial id. */
    private static Map<Integer, List<Long>> storedParents(Study study, String samplerName) {
        Map<Integer, List<Long>> out = new TreeMap<>();
        study.view().systemAttrs().forEach((key, value) -> {
            if (key.startsWith(samplerName + ":parent:")) {
                List<Long> ids = new ArrayList<>();
                ((List<?>) value).forEach(id -> ids.add(((Number) id).longValue()));
                out.put(Integer.parseInt(key.substring((samplerName + ":parent:").length())), ids);
            }
        });
        return out;
    }

    /**
     * Each generation has exactly populationSize trials; the parents of generation g come from
     * generation g-1 and its parents; without mutation every parameter of a child is some
     * parent's value of that parameter (children are made from the stored parents).
     */
    static void assertGenerationsAndParents(Study study, String samplerName, int populationSize, int trials) {
        List<FrozenTrial> all = study.trials();
        assertThat(all).hasSize(trials);
        Map<Integer, List<FrozenTrial>> byGeneration = new TreeMap<>();
        for (FrozenTrial t : all) {
            byGeneration
                    .computeIfAbsent(generation(t, samplerName), g -> new ArrayList<>())
                    .add(t);
        }
        for (int g = 0; g < trials / populationSize; g++) {
            assertThat(byGeneration.get(g)).as("generation %d", g).hasSize(populationSize);
        }
        Map<Long, FrozenTrial> byId = new HashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        Map<Integer, List<Long>> parents = storedParents(study, samplerName);
        assertThat(parents.keySet())
                .containsExactlyElementsOf(
                        byGeneration.keySet().stream().filter(g -> g > 0).toList());
        for (Map.Entry<Integer, List<Long>> e : parents.entrySet()) {
            int g = e.getKey();
            Set<Long> allowed = new HashSet<>();
            byGeneration.get(g - 1).forEach(t -> allowed.add(t.id()));
            allowed.addAll(parents.getOrDefault(g - 1, List.of()));
            assertThat(e.getValue()).as("parents of generation %d", g).hasSizeLessThanOrEqualTo(populationSize);
            assertThat(allowed).containsAll(e.getValue());
            for (FrozenTrial child : byGeneration.get(g)) {
                for (String name : child.params().keySet()) {
                    Set<Object> parentValues = new HashSet<>();
                    e.getValue()
                            .forEach(
                                    id -> parentValues.add(byId.get(id).params().get(name)));
                    assertThat(parentValues)
                            .as("trial %d's %s", child.number(), name)
                            .contains(child.params().get(name));
                }
            }
        }
    }

    @Test
    void generationsOfPopulationSizeChildrenOfStoredParents() {
        Study study = study(
                new InMemoryStorage(),
                "s",
                NsgaIISampler.builder()
                        .populationSize(8)
                        .mutationProbability(0)
                        .seed(3)
                        .build());
        study.optimizeMulti(OBJECTIVE, OptimizeOptions.trials(44));
        assertGenerationsAndParents(study, "NSGAIISampler", 8, 44);
    }

    @Test
    void parallelThreadsFillEachGenerationExactlyOnce() {
        Study study = study(
                new InMemoryStorage(),
                "s",
                NsgaIISampler.builder()
                        .populationSize(6)
                        .mutationProbability(0)
                        .seed(1)
                        .build());
        study.optimizeMulti(OBJECTIVE, OptimizeOptions.trials(60).parallelism(4));
        assertGenerationsAndParents(study, "NSGAIISampler", 6, 60);
    }

    @Test
    void nsgaIIIStoresItsOwnGenerationsUnderOptunasKeys() {
        Study study = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(NsgaIIISampler.builder()
                        .populationSize(10)
                        .mutationProbability(0)
                        .dividingParameter(4)
                        .seed(5)
                        .build())
                .build();
        study.optimizeMulti(
                trial -> {
                    double a = trial.suggestFloat("a", 0, 1);
                    double b = trial.suggestFloat("b", 0, 1);
                    double g = Math.abs(trial.suggestFloat("g", -1, 1));
                    return new double[] {(1 + g) * a, (1 + g) * b, (1 + g) * (2 - a - b)};
                },
                OptimizeOptions.trials(50));
        assertGenerationsAndParents(study, "NSGAIIISampler", 10, 50);
        assertThat(storedParents(study, "NSGAIIISampler").get(4)).hasSize(10);
    }

    @Test
    void theSearchImprovesOnRandomStart() {
        Study study = study(
                new InMemoryStorage(),
                "s",
                NsgaIISampler.builder().populationSize(10).seed(7).build());
        study.optimizeMulti(OBJECTIVE, OptimizeOptions.trials(150));
        long goodFirst = study.trials().subList(0, 50).stream()
                .filter(t ->
                        t.params().get("c").equals("a") && (Double) t.params().get("y") < 0.2)
                .count();
        long goodLast = study.trials().subList(100, 150).stream()
                .filter(t ->
                        t.params().get("c").equals("a") && (Double) t.params().get("y") < 0.2)
                .count();
        // fixed seed: a deterministic outcome, not a flaky bar
        assertThat(goodLast).isGreaterThan(goodFirst + 10);
    }

    @Test
    void aSeededSamplerRepeatsItsTrials() {
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> second = new ArrayList<>();
        for (List<Map<String, Object>> out : List.of(first, second)) {
            Study study = study(
                    new InMemoryStorage(),
                    "s",
                    NsgaIISampler.builder()
                            .populationSize(5)
                            .crossover(new SbxCrossover())
                            .mutation(new PolynomialMutation())
                            .seed(11)
                            .build());
            study.optimizeMulti(OBJECTIVE, OptimizeOptions.trials(30));
            study.trials().forEach(t -> out.add(t.params()));
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void constrainedDominationKeepsFeasibleParentsWhileThereAreEnough() {
        Study study = study(
                new InMemoryStorage(),
                "s",
                NsgaIISampler.builder().populationSize(6).seed(2).build());
        study.optimizeMulti(
                trial -> {
                    double x = trial.suggestFloat("x", 0, 1);
                    double y = trial.suggestFloat("y", 0, 1);
                    trial.setConstraint("x_at_least_half", 0.5 - x);
                    return new double[] {x + y, 1 - x + y};
                },
                OptimizeOptions.trials(60));
        Map<Long, FrozenTrial> byId = new HashMap<>();
        study.trials().forEach(t -> byId.put(t.id(), t));
        List<Long> last = storedParents(study, "NSGAIISampler").get(9);
        long feasibleBefore = study.trials(EnumSet.of(TrialState.COMPLETE)).stream()
                .filter(t -> generation(t, "NSGAIISampler") < 9 && t.isFeasible())
                .count();
        assertThat(feasibleBefore).isGreaterThanOrEqualTo(6);
        assertThat(last).allMatch(id -> byId.get(id).isFeasible());
    }

    @Test
    void anEnqueuedTrialJoinsTheGenerationBeingFilledWithoutTakingAPlace() {
        Study study = study(
                new InMemoryStorage(),
                "s",
                NsgaIISampler.builder().populationSize(4).seed(0).build());
        study.optimizeMulti(OBJECTIVE, OptimizeOptions.trials(6));
        study.enqueueTrial(Map.of("x", 0.5, "y", 0.5, "c", "a"));
        study.optimizeMulti(OBJECTIVE, OptimizeOptions.trials(3));
        List<FrozenTrial> trials = study.trials();
        assertThat(generation(trials.get(6), "NSGAIISampler")).isEqualTo(1);
        assertThat(trials.get(6).systemAttrs()).doesNotContainKey("tunekit:NSGAIISampler:place");
        // places 0-3: generation 0; places 4, 5, then the enqueued trial, then places 6, 7: generation 1
        assertThat(trials.stream().map(t -> generation(t, "NSGAIISampler")).toList())
                .containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 1);
    }

    @Test
    void aWorkerWithAnotherPopulationSizeIsRefused() {
        InMemoryStorage storage = new InMemoryStorage();
        study(storage, "s", NsgaIISampler.builder().populationSize(4).build())
                .optimizeMulti(OBJECTIVE, OptimizeOptions.trials(2));
        Study other =
                study(storage, "s", NsgaIISampler.builder().populationSize(5).build());
        assertThatThrownBy(other::ask)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("population size of 4")
                .hasMessageContaining("populationSize=5");
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> NsgaIISampler.builder().populationSize(1).build())
                .hasMessageContaining("populationSize=1");
        assertThatThrownBy(() -> NsgaIISampler.builder()
                        .populationSize(2)
                        .crossover(new UndxCrossover())
                        .build())
                .hasMessageContaining("populationSize=2")
                .hasMessageContaining("3");
        assertThatThrownBy(
                        () -> NsgaIISampler.builder().crossoverProbability(1.5).build())
                .hasMessageContaining("crossoverProbability=1.5");
        assertThatThrownBy(
                        () -> NsgaIISampler.builder().mutationProbability(-0.1).build())
                .hasMessageContaining("mutationProbability=-0.1");
        assertThatThrownBy(() -> NsgaIISampler.builder().swappingProbability(2).build())
                .hasMessageContaining("swappingProbability=2.0");
        assertThatThrownBy(() -> new SbxCrossover(OptionalDouble.of(-1), 0.5, 0.5))
                .hasMessageContaining("eta=-1.0");
        assertThatThrownBy(() -> new VsbxCrossover(OptionalDouble.empty(), 0.5, 0))
                .hasMessageContaining("useChildGeneProbability=0.0");
        assertThatThrownBy(() -> NsgaIIISampler.builder().dividingParameter(0).build())
                .hasMessageContaining("dividingParameter=0");
        assertThatThrownBy(() -> NsgaIIISampler.builder()
                        .referencePoints(new double[][] {{1, 0}, {0, 0}})
                        .build())
                .hasMessageContaining("reference point 1 is zero");
    }

    @Test
    void referencePointsOfTheWrongDimensionAreReportedWhenUsed() {
        ReferencePointSelection selection = new ReferencePointSelection(2, new double[][] {{1, 0, 0}, {0, 1, 0}}, 0);
        List<FrozenTrial> population = Trials.complete(new double[][] {{1, 2}, {2, 1}, {3, 3}, {0.5, 4}});
        assertThatThrownBy(() -> selection.select(List.of(Direction.MINIMIZE, Direction.MINIMIZE), population))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 coordinates; the study has 2 objectives");
    }

    @Test
    void referencePointSelectionKeepsWholeFrontsAndFillsTheRestFromTheNext() {
        // fronts: {0, 1, 2} then {3, 4, 5, 6}; 5 survivors: the first front and 2 of the second
        List<FrozenTrial> population = Trials.complete(
                new double[][] {{0, 3, 3}, {3, 0, 3}, {3, 3, 0}, {1, 4, 4}, {4, 1, 4}, {4, 4, 1}, {2.5, 2.5, 2.5}});
        List<Direction> min3 = List.of(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE);
        for (long seed = 0; seed < 5; seed++) {
            List<FrozenTrial> chosen = new ReferencePointSelection(5, 3, seed).select(min3, population);
            assertThat(Trials.numbers(chosen)).hasSize(5).startsWith(0, 1, 2).doesNotHaveDuplicates();
            assertThat(Trials.numbers(chosen).subList(3, 5)).allMatch(n -> n >= 3);
        }
    }
}
