package io.tunekit.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.InMemoryStorage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportanceTest {

    static Stream<ImportanceEvaluator> evaluators() {
        return Stream.of(PedAnova.defaults(), Fanova.defaults(), MeanDecreaseImpurity.defaults());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void linearObjectiveRanksByCoefficient(ImportanceEvaluator evaluator) {
        Study study = StudyFixtures.linear(new InMemoryStorage(), "linear", 300, 1);
        ParamImportances result = Importance.builder().evaluator(evaluator).evaluate(study);
        assertThat(result.names()).containsExactly("x0", "x1", "x2");
        assertThat(result.get("x0").importance()).isGreaterThan(0.7);
        // x2 has no effect at all: what it gets is sampling noise in the top trials (PED-ANOVA)
        // or splits on noise deep in the trees (forests).
        assertThat(result.get("x2").importance()).isLessThan(0.06);
        assertThat(result.asMap().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, within(1e-12));
        assertThat(result.trials()).isEqualTo(300);
        assertThat(result.evaluator()).isEqualTo(evaluator.label());
    }

    @Test
    void fanovaOfLinearObjectiveMatchesTheVarianceShares() {
        // Var(10 x0) : Var(x1) : Var(0 x2) = 100 : 1 : 0 for uniform x; the forest recovers it.
        Study study = StudyFixtures.linear(new InMemoryStorage(), "linear", 1000, 2);
        ParamImportances result =
                Importance.builder().evaluator(Fanova.defaults()).evaluate(study);
        assertThat(result.get("x0").importance()).isCloseTo(100.0 / 101, within(0.02));
        assertThat(result.get("x1").importance()).isCloseTo(1.0 / 101, within(0.02));
        assertThat(result.get("x2").importance()).isLessThan(0.005);
    }

    @Test
    void sameSeedSameForest() {
        Study study = StudyFixtures.mixed(new InMemoryStorage(), "mixed", 150, 3);
        for (ImportanceEvaluator e : List.of(Fanova.defaults(), MeanDecreaseImpurity.defaults())) {
            Map<String, Double> a =
                    Importance.builder().evaluator(e).evaluate(study).asMap();
            Map<String, Double> b =
                    Importance.builder().evaluator(e).evaluate(study).asMap();
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void paramsTargetAndRawScores() {
        Study study = StudyFixtures.linear(new InMemoryStorage(), "linear", 200, 4);
        ParamImportances subset = Importance.builder().params("x1", "x2").evaluate(study);
        assertThat(subset.names()).containsExactlyInAnyOrder("x1", "x2");
        assertThat(subset.names().get(0)).isEqualTo("x1");

        // Maximising the objective looks at the other end of x0: still x0 first.
        ParamImportances flipped = Importance.builder()
                .target(FrozenTrial::value, Direction.MAXIMIZE)
                .evaluate(study);
        assertThat(flipped.names().get(0)).isEqualTo("x0");

        ParamImportances raw = Importance.builder().normalize(false).evaluate(study);
        assertThat(raw.normalized()).isFalse();
        double sum =
                raw.asMap().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isGreaterThan(0);
        ParamImportances normalized = Importance.of(study);
        assertThat(normalized.get("x0").importance()).isCloseTo(raw.get("x0").importance() / sum, within(1e-12));
    }

    @Test
    void onlyCompleteTrialsCount() {
        Study study = StudyFixtures.linear(new InMemoryStorage(), "linear", 100, 5);
        Map<String, Double> before = Importance.of(study).asMap();
        for (int i = 0; i < 30; i++) {
            var t = study.ask();
            t.suggestFloat("x0", 0, 1);
            t.suggestFloat("x1", 0, 1);
            t.suggestFloat("x2", 0, 1);
            study.tell(t, i % 2 == 0 ? TrialState.FAIL : TrialState.PRUNED);
        }
        study.ask(); // left RUNNING
        assertThat(Importance.of(study).asMap()).isEqualTo(before);
        assertThat(Importance.of(study).trials()).isEqualTo(100);
    }

    @Test
    void conditionalParametersInPedAnovaNotInForests() {
        Study study = StudyFixtures.conditional(new InMemoryStorage(), "cond", 200, 6);
        assertThat(Importance.of(study).names()).containsExactlyInAnyOrder("model", "x", "C", "depth");
        assertThat(Importance.builder()
                        .evaluator(Fanova.defaults())
                        .evaluate(study)
                        .names())
                .containsExactlyInAnyOrder("model", "x");
        // Named, a conditional parameter is assessed on the trials that have it.
        ParamImportances c = Importance.builder()
                .evaluator(Fanova.defaults())
                .params("x", "C")
                .evaluate(study);
        assertThat(c.trials()).isLessThan(200).isGreaterThan(50);
        assertThat(c.names()).containsExactly("x", "C");
    }

    @Test
    void bootstrapIntervalsBracketTheEstimate() {
        Study study = StudyFixtures.linear(new InMemoryStorage(), "linear", 200, 7);
        ParamImportances result = Importance.builder().withIntervals(200).evaluate(study);
        for (ParamImportance p : result.ranking()) {
            ParamImportance.Interval i = p.interval().orElseThrow();
            assertThat(i.lower()).isLessThanOrEqualTo(i.upper());
            assertThat(i.resamples()).isEqualTo(200);
            assertThat(i.level()).isEqualTo(0.95);
        }
        // x0 clearly first: its interval lies above x2's.
        assertThat(result.get("x0").interval().orElseThrow().lower())
                .isGreaterThan(result.get("x2").interval().orElseThrow().upper());
        assertThat(result.get("x0").toString()).matches("x0 0\\.\\d{4} \\[0\\.\\d{4}, \\d\\.\\d{4}\\]");
        assertThat(result.toTable()).contains("interval").contains("x0");

        ParamImportances forest = Importance.builder()
                .evaluator(new Fanova(16, 64, 0))
                .withIntervals(30)
                .evaluate(study);
        assertThat(forest.get("x0").interval()).isPresent();
    }

    @Test
    void tooFewTrials() {
        Study study = StudyFixtures.linear(new InMemoryStorage(), "one", 1, 0);
        evaluators()
                .forEach(e -> assertThatThrownBy(
                                () -> Importance.builder().evaluator(e).evaluate(study))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("at least 2 COMPLETE trials")
                        .hasMessageContaining("found 1"));
        Study empty = Study.builder().build();
        assertThatThrownBy(() -> Importance.of(empty)).hasMessageContaining("found 0");
    }

    @Test
    void constantObjective() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        study.optimize(t -> 3.0 + 0 * t.suggestFloat("x", 0, 1), 10);
        evaluators()
                .forEach(e -> assertThatThrownBy(
                                () -> Importance.builder().evaluator(e).evaluate(study))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("the target is 3.0 in all 10 usable trials"));
    }

    @Test
    void singleValuedParameter() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("fixed", 2, 2), 20);
        assertThatThrownBy(() -> Importance.builder().params("x", "fixed").evaluate(study))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fixed' has a single-valued distribution");
        // Unnamed, it is reported with importance 0, as Optuna does.
        evaluators().forEach(e -> {
            ParamImportances all = Importance.builder().evaluator(e).evaluate(study);
            assertThat(all.get("fixed").importance()).isZero();
            assertThat(all.get("x").importance()).isEqualTo(1.0);
        });
    }

    @Test
    void badParamsAndTargets() {
        Study study = StudyFixtures.conditional(new InMemoryStorage(), "cond", 60, 8);
        assertThatThrownBy(() -> Importance.builder().params("nope").evaluate(study))
                .hasMessageContaining("no COMPLETE trial has parameter 'nope'");
        assertThatThrownBy(() -> Importance.builder().params("x", "x").evaluate(study))
                .hasMessageContaining("'x' is named twice");
        assertThatThrownBy(() -> Importance.builder()
                        .evaluator(Fanova.defaults())
                        .params("C", "depth")
                        .evaluate(study))
                .hasMessageContaining("no COMPLETE trial has all of [C, depth]");
        assertThat(Importance.builder().params(List.of()).evaluate(study).ranking())
                .isEmpty();

        Study multi = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(new RandomSampler(3)) // seeded: the default sampler draws a new sample each run
                .build();
        multi.optimizeMulti(
                t -> new double[] {t.suggestFloat("x", 0, 1), t.suggestFloat("y", 0, 1)},
                io.tunekit.OptimizeOptions.trials(200));
        assertThatThrownBy(() -> Importance.of(multi)).hasMessageContaining("has 2 objectives");
        assertThat(Importance.builder()
                        .target(t -> t.values().get(1))
                        .evaluate(multi)
                        .names()
                        .get(0))
                .isEqualTo("y");

        assertThatThrownBy(() -> Importance.builder().withIntervals(5)).hasMessageContaining("resamples is 5");
        assertThatThrownBy(() -> new PedAnova(0.5, 0.5, PedAnova.Baseline.REGION_TRIALS))
                .hasMessageContaining("0 < targetQuantile < regionQuantile <= 1");
        assertThatThrownBy(() -> new Fanova(0, 64, 0)).hasMessageContaining("trees is 0");
        assertThatThrownBy(() -> ImportanceEvaluator.forLabel("shap")).hasMessageContaining("'shap' is unknown");
    }

    @Test
    void dynamicRangeRejectedByForestsWhenNamed() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        for (int i = 0; i < 20; i++) {
            double high = i < 10 ? 1 : 2;
            var t = study.ask();
            double x = (double) t.suggest("x", new FloatDistribution(0, high, null, false));
            double y = t.suggestFloat("y", 0, 1);
            study.tell(t, x + y);
        }
        assertThatThrownBy(() -> Importance.builder()
                        .evaluator(Fanova.defaults())
                        .params("x", "y")
                        .evaluate(study))
                .hasMessageContaining("parameter 'x' has the distribution");
        assertThat(Importance.builder().params("x", "y").evaluate(study).names())
                .hasSize(2);
    }

    @Test
    void tiesAtTheCutoffAreReported() {
        // 2 of 50 trials are better; the other 48 tie, so the top 10% (5 trials) reaches the tie.
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        for (int i = 0; i < 50; i++) {
            var t = study.ask();
            t.suggestFloat("x", 0, 1);
            study.tell(t, i < 2 ? 0.0 : 1.0);
        }
        assertThatThrownBy(() -> Importance.of(study))
                .hasMessageContaining("selects the same")
                .hasMessageContaining("tie at the cutoff");
    }
}
