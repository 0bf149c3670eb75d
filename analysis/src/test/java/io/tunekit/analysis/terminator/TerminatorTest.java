package io.tunekit.analysis.terminator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.InMemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminatorTest {

    /** A study whose values are given, one float parameter each. */
    private static Study valued(Direction direction, double... values) {
        Study study = Study.builder()
                .direction(direction)
                .sampler(new RandomSampler(0))
                .build();
        for (double v : values) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            study.tell(t, v);
        }
        return study;
    }

    @Test
    void stagnationCountsTrialsSinceTheStrictlyBestOne() {
        Study min = valued(Direction.MINIMIZE, 5, 3, 4, 3, 6);
        // best at index 1 (the later 3 is a tie, not an improvement): 3 trials since
        assertThat(new BestValueStagnation(10).evaluate(min.trials(), Direction.MINIMIZE))
                .isEqualTo(7);
        Study max = valued(Direction.MAXIMIZE, 5, 3, 4, 3, 6);
        assertThat(new BestValueStagnation(10).evaluate(max.trials(), Direction.MAXIMIZE))
                .isEqualTo(10);
        Terminator terminator = Terminator.builder()
                .improvement(new BestValueStagnation(2))
                .minTrials(1)
                .build();
        assertThat(terminator.check(min).decision()).isEqualTo(TerminationCheck.Decision.TERMINATE);
        assertThat(terminator.check(min).explanation())
                .contains("after trial 4")
                .contains("trials left before stagnation -1")
                .contains("threshold 0");
        assertThat(terminator.check(max).decision()).isEqualTo(TerminationCheck.Decision.CONTINUE);
    }

    @Test
    void crossValidationErrorOfTheBestTrial() {
        Study study = Study.builder()
                .direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(0))
                .build();
        double[][] folds = {{0.5, 0.6, 0.7}, {0.80, 0.82, 0.84, 0.86, 0.88}, {0.1, 0.9}};
        for (double[] f : folds) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            Terminator.reportCrossValidationScores(t, f);
            study.tell(t, java.util.Arrays.stream(f).average().orElseThrow());
        }
        assertThat(study.trial(1).systemAttrs().get(Terminator.CV_SCORES_KEY))
                .isEqualTo(List.of(0.80, 0.82, 0.84, 0.86, 0.88));
        // Best trial 1: population variance 0.0008, scaled by 1/5 + 1/4.
        assertThat(new CrossValidationError().evaluate(study.trials(), Direction.MAXIMIZE))
                .isCloseTo(Math.sqrt(0.45 * 0.0008), within(1e-12));
        // Minimising, the best is trial 2: variance 0.16, scale 1/2 + 1.
        assertThat(new CrossValidationError().evaluate(study.trials(), Direction.MINIMIZE))
                .isCloseTo(Math.sqrt(1.5 * 0.16), within(1e-12));
    }

    @Test
    void badCrossValidationScores() {
        Study study = valued(Direction.MINIMIZE, 1, 2);
        Trial t = study.ask();
        assertThatThrownBy(() -> Terminator.reportCrossValidationScores(t, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 scores given; at least 2 folds");
        assertThatThrownBy(() -> Terminator.reportCrossValidationScores(t, 0.5, Double.NaN))
                .hasMessageContaining("score NaN is not finite");
        assertThatThrownBy(() -> new CrossValidationError().evaluate(study.trials(), Direction.MINIMIZE))
                .hasMessageContaining("the best trial has no cross-validation scores");
        assertThatThrownBy(() -> new CrossValidationError().evaluate(List.of(), Direction.MINIMIZE))
                .hasMessageContaining("no COMPLETE trial");
    }

    @Test
    void callbackStopsOptimizeAndSaysWhy() {
        Study study = Study.builder().sampler(new RandomSampler(1)).build();
        TerminatorCallback stopper = new TerminatorCallback(Terminator.builder()
                .improvement(new BestValueStagnation(5))
                .minTrials(3)
                .build());
        // The best value comes at trial 2; every later trial is worse.
        study.optimize(
                t -> t.suggestFloat("x", 0, 1) + (t.number() == 2 ? -10 : 0),
                OptimizeOptions.trials(100).callbacks(stopper));
        assertThat(study.trials(java.util.EnumSet.of(TrialState.COMPLETE))).hasSize(9);
        TerminationCheck stop = stopper.stopCheck().orElseThrow();
        assertThat(stop.lastTrial()).isEqualTo(8);
        assertThat(stop.improvement()).isEqualTo(-1);
        assertThat(stopper.checks()).hasSize(9);
        assertThat(stopper.checks().get(0).decision()).isEqualTo(TerminationCheck.Decision.TOO_FEW_TRIALS);
        assertThat(stopper.checks().get(0).improvement()).isNaN();
        assertThat(stopper.checks().get(0).explanation()).contains("too few to judge");
    }

    @Test
    void regretBoundStopsANoisyFlatObjective() {
        // Fold noise as large as the objective's whole range: the regret bound soon falls below
        // the CV error, long before the budget of 100 trials.
        Study study = CvStudies.study(new InMemoryStorage(), "flat", 20, 5, 0.05, 0.05);
        TerminatorCallback stopper = new TerminatorCallback();
        study.optimize(
                t -> {
                    double x = t.suggestFloat("x", 0, 1);
                    double y = t.suggestFloat("y", 0, 1);
                    t.suggestCategorical("kind", List.of("a", "b"));
                    double f = 0.9 - 0.05 * x * y;
                    double[] folds = {f - 0.05, f - 0.02, f, f + 0.02, f + 0.05};
                    Terminator.reportCrossValidationScores(t, folds);
                    return f;
                },
                OptimizeOptions.trials(100).callbacks(stopper));
        TerminationCheck stop = stopper.stopCheck().orElseThrow();
        assertThat(stop.decision()).isEqualTo(TerminationCheck.Decision.TERMINATE);
        assertThat(stop.improvement()).isLessThan(stop.error());
        assertThat(study.trials()).hasSizeLessThan(120);
        assertThat(stop.explanation()).contains("regret bound").contains("cross-validation error");
    }

    @Test
    void regretBoundShrinksAsTheStudyConverges() {
        Study study = CvStudies.study(new InMemoryStorage(), "q", 80, 3, 1.0, 0.0);
        List<FrozenTrial> trials = study.trials();
        double early = RegretBound.defaults().evaluate(trials.subList(0, 20), Direction.MAXIMIZE);
        double late = RegretBound.defaults().evaluate(trials, Direction.MAXIMIZE);
        assertThat(late).isPositive().isLessThan(early);
    }

    @Test
    void emmrAndMedianError() {
        Study study = CvStudies.study(new InMemoryStorage(), "e", 40, 4, 1.0, 0.01);
        Emmr emmr = Emmr.defaults();
        assertThat(emmr.evaluate(study.trials().subList(0, 1), Direction.MAXIMIZE))
                .isEqualTo(Emmr.NO_DECISION);
        double value = emmr.evaluate(study.trials(), Direction.MAXIMIZE);
        assertThat(value).isFinite();
        MedianError median = MedianError.pairedWith(emmr);
        assertThat(median.evaluate(study.trials().subList(0, 29), Direction.MAXIMIZE))
                .isEqualTo(-Double.MIN_NORMAL);
        double threshold = median.evaluate(study.trials(), Direction.MAXIMIZE);
        assertThat(threshold).isFinite();
        // Computed once, then kept.
        assertThat(median.evaluate(study.trials().subList(0, 5), Direction.MAXIMIZE))
                .isEqualTo(threshold);
        Terminator terminator =
                Terminator.builder().improvement(emmr).error(median).build();
        assertThat(terminator.check(study).decision()).isNotEqualTo(TerminationCheck.Decision.TOO_FEW_TRIALS);
    }

    @Test
    void badInputs() {
        Study multi = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .build();
        assertThatThrownBy(() -> Terminator.defaults().check(multi))
                .hasMessageContaining("has 2 objectives; the terminator needs exactly one");
        assertThatThrownBy(() -> RegretBound.defaults().evaluate(List.of(), Direction.MINIMIZE))
                .hasMessageContaining("no trial has been completed");
        Study disjoint = Study.builder().sampler(new RandomSampler(0)).build();
        disjoint.optimize(t -> t.suggestFloat(t.number() % 2 == 0 ? "a" : "b", 0, 1), 4);
        assertThatThrownBy(() -> RegretBound.defaults().evaluate(disjoint.trials(), Direction.MINIMIZE))
                .hasMessageContaining("share no parameter");
        assertThatThrownBy(() -> new RegretBound(0, 20, 0)).hasMessageContaining("topTrialsRatio is 0.0");
        assertThatThrownBy(() -> new BestValueStagnation(-1)).hasMessageContaining("maxStagnationTrials is -1");
        assertThatThrownBy(() -> new Emmr(Emmr.Noise.NOISY, 0.1, 1, 0)).hasMessageContaining("minTrials is 1");
        assertThatThrownBy(() -> Terminator.builder().minTrials(0)).hasMessageContaining("minTrials is 0");
        assertThatThrownBy(() -> new MedianError(Emmr.defaults(), 10, 20, 0))
                .hasMessageContaining("thresholdRatio is 0.0");
        assertThatThrownBy(() -> new StaticError(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void tooFewTrialsIsNotJudged() {
        Study study = valued(Direction.MINIMIZE, 1, 2, 3);
        TerminationCheck check = Terminator.defaults().check(study);
        assertThat(check.decision()).isEqualTo(TerminationCheck.Decision.TOO_FEW_TRIALS);
        assertThat(check.completeTrials()).isEqualTo(3);
        assertThat(Terminator.defaults().shouldTerminate(study)).isFalse();
    }
}
