package io.tunekit.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Objective;
import io.tunekit.Study;
import io.tunekit.StudyView;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.storage.InMemoryStorage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GpSamplerTest {

    private static final double BRANIN_OPTIMUM = 5 / (4 * Math.PI);

    /** Branin on [-5, 10] x [0, 15], minimised. */
    private static double branin(Trial trial) {
        double x0 = trial.suggestFloat("x0", -5, 10);
        double x1 = trial.suggestFloat("x1", 0, 15);
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return Math.pow(x1 - b * x0 * x0 + c * x0 - 6, 2) + 10 * (1 - t) * Math.cos(x0) + 10;
    }

    /** A mixed space: a log float, a stepped float, a stepped int, a log int and a categorical. */
    private static double mixed(Trial trial) {
        double lr = trial.suggestLogFloat("lr", 1e-4, 1);
        double dropout = trial.suggestFloat("dropout", 0, 0.5, 0.1);
        int width = trial.suggestInt("width", 8, 64, 8);
        int depth = trial.suggestLogInt("depth", 1, 50);
        String act = trial.suggestCategorical("act", List.of("relu", "tanh", "gelu"));
        return Math.pow(Math.log10(lr) + 2, 2)
                + Math.pow(dropout - 0.2, 2)
                + Math.pow((width - 40) / 8.0, 2)
                + Math.pow(Math.log(depth) - 2, 2)
                + (act.equals("gelu") ? 0 : 1);
    }

    private static Study study(Sampler sampler) {
        return Study.builder().sampler(sampler).build();
    }

    @Test
    void findsBraninsOptimumFarBetterThanRandomSearch() {
        Study gp = study(GpSampler.builder().seed(1).build());
        Study random = study(new RandomSampler(1));

        gp.optimize(GpSamplerTest::branin, 30);
        random.optimize(GpSamplerTest::branin, 30);

        double gpRegret = gp.bestValue() - BRANIN_OPTIMUM;
        assertThat(gpRegret).isLessThan(0.05);
        assertThat(gpRegret).isLessThan((random.bestValue() - BRANIN_OPTIMUM) / 10);
    }

    @Test
    void seededRunsRepeatExactlyAndSeedsMatter() {
        List<Map<String, Object>> first = paramsOf(runMixed(7));
        List<Map<String, Object>> again = paramsOf(runMixed(7));
        List<Map<String, Object>> other = paramsOf(runMixed(8));

        assertThat(again).isEqualTo(first);
        assertThat(other.subList(12, 18)).isNotEqualTo(first.subList(12, 18));
    }

    @Test
    void theOutputWarpingCanBeTurnedOff() {
        List<Map<String, Object>> warped =
                paramsOf(runMixed(GpSampler.builder().seed(7).build()));
        List<Map<String, Object>> unwarped =
                paramsOf(runMixed(GpSampler.builder().seed(7).warpOutputs(false).build()));

        // Same startup; the skewed sums of squares are modelled differently afterwards.
        assertThat(unwarped.subList(0, 10)).isEqualTo(warped.subList(0, 10));
        assertThat(unwarped.subList(10, 18)).isNotEqualTo(warped.subList(10, 18));
        assertThat(GpSampler.builder().warpOutputs(false).build().toString()).contains("warpOutputs=false");
    }

    private static Study runMixed(long seed) {
        return runMixed(GpSampler.builder().seed(seed).build());
    }

    private static Study runMixed(GpSampler sampler) {
        Study study = study(sampler);
        study.optimize(GpSamplerTest::mixed, 18);
        return study;
    }

    private static List<Map<String, Object>> paramsOf(Study study) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            out.add(t.params());
        }
        return out;
    }

    @Test
    void proposalsDoNotDependOnTheIterationOrderOfTheSearchSpace() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder()
                .name("order")
                .storage(storage)
                .sampler(new RandomSampler(3))
                .build();
        study.optimize(GpSamplerTest::mixed, 12);
        Trial pending = study.ask();
        StorageStudyView view = new StorageStudyView(storage, "order");
        FrozenTrial trial = view.trials(EnumSet.of(TrialState.RUNNING)).get(0);
        Map<String, Distribution> space = new GpSampler().inferRelativeSearchSpace(view, trial);
        Map<String, Distribution> reversed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(space.keySet());
        java.util.Collections.reverse(names);
        names.forEach(name -> reversed.put(name, space.get(name)));

        Map<String, Double> forward = GpSampler.builder().seed(5).build().sampleRelative(view, trial, space);
        Map<String, Double> backward = GpSampler.builder().seed(5).build().sampleRelative(view, trial, reversed);

        assertThat(space).hasSize(5);
        assertThat(backward).isEqualTo(forward);
        study.tell(pending, 0.0);
    }

    @Test
    void proposedValuesLieOnTheirGridsAndAreUsedAsPlanned() {
        Study study = study(GpSampler.builder().seed(3).build());

        study.optimize(GpSamplerTest::mixed, 20);

        for (FrozenTrial t : study.trials()) {
            t.validate(); // every value inside its distribution and on its grid
            if (t.number() >= 10) {
                Map<String, Object> plan = GpSampler.PLANS.read(t.systemAttrs());
                assertThat(plan).as("trial %s has a shared GP plan", t.number()).hasSize(5);
                // The objective got exactly what the GP planned: nothing fell back to random sampling.
                assertThat(plan).isEqualTo(t.params());
            } else {
                assertThat(GpSampler.PLANS.read(t.systemAttrs())).isEmpty();
            }
        }
        assertThat(study.bestValue()).isLessThan(1.0); // found gelu and a good neighbourhood
    }

    @Test
    void usesTheIndependentSamplerUntilEnoughTrialsAreComplete() {
        CountingSampler independent = new CountingSampler(new RandomSampler(0));
        Study study = study(GpSampler.builder()
                .seed(0)
                .nStartupTrials(5)
                .independentSampler(independent)
                .build());

        for (int i = 0; i < 3; i++) {
            Trial failing = study.ask();
            failing.suggestFloat("x0", -5, 10);
            study.tell(failing, TrialState.FAIL); // FAIL trials do not count as startup
        }
        study.optimize(GpSamplerTest::branin, 5);
        int startupCalls = independent.calls.get();
        study.optimize(GpSamplerTest::branin, 4);

        assertThat(startupCalls).isEqualTo(3 + 5 * 2);
        assertThat(independent.calls.get()).isEqualTo(startupCalls); // the GP proposed both parameters
        assertThat(independent.beforeTrialCalls.get()).isEqualTo(12);
        assertThat(independent.afterTrialCalls.get()).isEqualTo(12);
    }

    @Test
    void conditionalParametersGoToTheIndependentSampler() {
        CountingSampler independent = new CountingSampler(new RandomSampler(4));
        Study study = study(GpSampler.builder()
                .seed(4)
                .independentSampler(independent)
                .warnIndependentSampling(false)
                .build());
        Objective conditional = trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            double extra = x > 0.5 ? trial.suggestFloat("extra", 0, 1) : 0;
            return (x - 0.3) * (x - 0.3) + extra;
        };
        study.optimize(conditional, 10);
        int beforeModel = independent.calls.get();
        long conditionalBefore = countExtra(study);

        study.optimize(conditional, 8);

        // After the startup only "extra" (outside the intersection space) is sampled independently.
        assertThat(independent.calls.get() - beforeModel).isEqualTo(countExtra(study) - conditionalBefore);
        assertThat(study.bestValue()).isLessThan(0.01);
    }

    private static long countExtra(Study study) {
        return study.trials().stream()
                .filter(t -> t.params().containsKey("extra"))
                .count();
    }

    @Test
    void maximisesWhenTheStudyMaximises() {
        Study study = Study.builder()
                .direction(Direction.MAXIMIZE)
                .sampler(GpSampler.builder().seed(2).build())
                .build();

        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", -3, 3);
                    return -(x - 1.234) * (x - 1.234);
                },
                16);

        assertThat(study.bestTrial().params().get("x"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
                .isCloseTo(1.234, within(0.01));
    }

    @Test
    void aConstrainedProblemEndsFeasibleNearTheConstrainedOptimum() {
        // Minimise (x - 2)^2 + (y - 2)^2 on [0, 3]^2 subject to x + y <= 1: optimum 4.5 at (0.5, 0.5).
        Study study =
                study(GpSampler.builder().seed(11).deterministicObjective(true).build());

        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", 0, 3);
                    double y = trial.suggestFloat("y", 0, 3);
                    trial.setConstraint("sum", x + y - 1);
                    return (x - 2) * (x - 2) + (y - 2) * (y - 2);
                },
                30);

        FrozenTrial best = study.bestTrial();
        assertThat(best.isFeasible()).isTrue();
        assertThat(best.value()).isBetween(4.5, 4.6);
        // The model hugs the boundary: what it proposes is feasible or only slightly infeasible.
        double meanViolation = study.trials().stream()
                .filter(t -> t.number() >= 10)
                .mapToDouble(FrozenTrial::constraintViolation)
                .average()
                .orElseThrow();
        assertThat(meanViolation).isLessThan(0.1);
    }

    @Test
    void findsTheFeasibleRegionWhenNoStartupTrialIsFeasible() {
        // Feasible only inside a disc of radius 0.1 around (0.8, 0.2): ~3% of the square.
        Study study = study(GpSampler.builder().seed(6).build());
        Objective sumInDisc = trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            double y = trial.suggestFloat("y", 0, 1);
            trial.setConstraint("disc", Math.hypot(x - 0.8, y - 0.2) - 0.1);
            return x + y;
        };
        study.optimize(sumInDisc, 10);
        long feasibleAtStartup =
                study.trials().stream().filter(FrozenTrial::isFeasible).count();

        study.optimize(sumInDisc, 12);

        assertThat(feasibleAtStartup).isZero();
        assertThat(study.trials().stream().filter(FrozenTrial::isFeasible).count())
                .isGreaterThanOrEqualTo(3);
        // the feasible minimum of x + y is 1 - 0.1 sqrt(2) = 0.859
        assertThat(study.bestValue()).isLessThan(0.95);
    }

    @Test
    void aRunningTrialPushesTheNextProposalElsewhere() {
        InMemoryStorage storage = new InMemoryStorage();
        Study seedStudy = Study.builder()
                .name("kb")
                .storage(storage)
                .sampler(new RandomSampler(9))
                .build();
        seedStudy.optimize(GpSamplerTest::branin, 12);
        Study workerA = Study.builder()
                .name("kb")
                .storage(storage)
                .loadIfExists(true)
                .sampler(GpSampler.builder().seed(5).build())
                .build();
        Trial a = workerA.ask();
        double ax0 = a.suggestFloat("x0", -5, 10); // trial a stays RUNNING: the GP planned x0 and x1

        // A second worker with an identical sampler, so the only difference is trial a.
        Study workerB = Study.builder()
                .name("kb")
                .storage(storage)
                .loadIfExists(true)
                .sampler(GpSampler.builder().seed(5).build())
                .build();
        Trial b = workerB.ask();
        double bx0 = b.suggestFloat("x0", -5, 10);
        double bx1 = b.suggestFloat("x1", 0, 15);
        workerB.tell(b, TrialState.FAIL);
        FrozenTrial aSnapshot = workerA.trial(a.number());
        double ax1 = ((Number) GpSampler.PLANS.read(aSnapshot.systemAttrs()).get("x1")).doubleValue();

        // The same sampler state without the running trial reproduces a's plan exactly...
        workerA.tell(a, TrialState.FAIL);
        Study workerC = Study.builder()
                .name("kb")
                .storage(storage)
                .loadIfExists(true)
                .sampler(GpSampler.builder().seed(5).build())
                .build();
        Trial c = workerC.ask();
        double cx0 = c.suggestFloat("x0", -5, 10);
        double cx1 = c.suggestFloat("x1", 0, 15);

        assertThat(cx0).isEqualTo(ax0);
        assertThat(cx1).isEqualTo(ax1);
        // ...while with a running there, b went elsewhere (the size of the move depends on the
        // length scales; LogEiAcquisitionTest checks the collapse of the acquisition itself).
        assertThat(Math.hypot((bx0 - ax0) / 15, (bx1 - ax1) / 15)).isGreaterThan(0.01);
    }

    @Test
    void runsWithParallelWorkers() {
        Study study = study(GpSampler.builder().seed(13).build());

        study.optimize(
                trial -> {
                    double value = branin(trial);
                    try {
                        Thread.sleep(15); // keep several trials running at once
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return value;
                },
                io.tunekit.OptimizeOptions.trials(40).parallelism(4));

        List<FrozenTrial> trials = study.trials(EnumSet.of(TrialState.COMPLETE));
        assertThat(trials).hasSize(40);
        assertThat(trials.stream().map(FrozenTrial::params).distinct().count()).isEqualTo(40);
        // Thread timing makes each run differ: with 28 trials 2-4 runs in 40 missed 0.5 (with or
        // without the model changes); with 40 trials the worst of 60 runs was 0.12.
        assertThat(study.bestValue() - BRANIN_OPTIMUM).isLessThan(0.5);
    }

    @Test
    void nonFiniteValuesAreClippedNotFatal() {
        Study study = study(GpSampler.builder().seed(12).build());

        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", 0, 1);
                    return x > 0.8 ? Double.POSITIVE_INFINITY : (x - 0.4) * (x - 0.4);
                },
                16);

        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(16);
        assertThat(study.bestValue()).isLessThan(1e-3);
    }

    @Test
    void refusesMultiObjectiveStudiesWhenTheStudyIsBuilt() {
        Study.Builder builder = Study.builder()
                .name("two-objectives")
                .directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(GpSampler.builder().seed(0).build());

        assertThatThrownBy(builder::build)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("single-objective")
                .hasMessageContaining("2 objectives");
    }

    @Test
    void refusesToLoadAMultiObjectiveStudyAndCreatesNothing() {
        InMemoryStorage storage = new InMemoryStorage();
        Study.builder()
                .name("mo")
                .storage(storage)
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .build();
        assertThatThrownBy(() -> Study.builder()
                        .name("mo")
                        .storage(storage)
                        .sampler(GpSampler.builder().seed(0).build())
                        .load())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("study 'mo' has 2 objectives");
        assertThatThrownBy(() -> Study.builder()
                        .name("mo2")
                        .storage(storage)
                        .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                        .sampler(GpSampler.builder().seed(0).build())
                        .build())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(storage.studyNames()).containsExactly("mo");
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> GpSampler.builder().nStartupTrials(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nStartupTrials=-1");
        assertThatThrownBy(() -> GpSampler.builder().independentSampler(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("independentSampler");
        assertThatThrownBy(() -> GpSampler.builder().lengthscalePrior(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("lengthscalePrior");
    }

    /** Delegates and counts the calls it receives. */
    private static final class CountingSampler implements Sampler {
        final Sampler delegate;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger beforeTrialCalls = new AtomicInteger();
        final AtomicInteger afterTrialCalls = new AtomicInteger();

        CountingSampler(Sampler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
            return Map.of();
        }

        @Override
        public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
            return Map.of();
        }

        @Override
        public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
            calls.incrementAndGet();
            return delegate.sampleIndependent(study, trial, name, distribution);
        }

        @Override
        public void beforeTrial(StudyView study, FrozenTrial trial) {
            beforeTrialCalls.incrementAndGet();
        }

        @Override
        public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
            afterTrialCalls.incrementAndGet();
        }
    }
}
