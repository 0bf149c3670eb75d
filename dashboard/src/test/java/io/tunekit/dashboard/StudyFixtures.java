package io.tunekit.dashboard;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.pruners.MedianPruner;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.samplers.tpe.TpeSampler;
import io.tunekit.storage.Storage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Studies written by real optimize runs (and a few odd ones) for the dashboard's tests. */
final class StudyFixtures {

    static final String SINGLE = "single objective";
    static final String MULTI = "multi objective";
    static final String XSS = "<script>alert(1)</script>";
    static final String XSS_PARAM = "<img src=x onerror=alert(2)>";
    static final String XSS_CHOICE = "<b>bold</b>";
    static final String EMPTY = "no trials";
    static final String ONLY_FAIL = "only failed";
    static final String NON_FINITE = "non-finite values";
    static final String WIDE = "200 parameters";
    static final String CONDITIONAL = "conditional space";

    /** A failure the objective throws on purpose; optimize catches it and records a FAIL. */
    static final class DeliberateFailure extends RuntimeException {
        DeliberateFailure(String message) {
            super(message);
        }
    }

    private StudyFixtures() {}

    /**
     * TPE and a median pruner on a four-parameter problem that reports learning curves: complete,
     * pruned and failed trials.
     */
    static Study singleObjective(Storage storage, String name, int trials) {
        Study study = Study.builder()
                .name(name)
                .direction(Direction.MINIMIZE)
                .sampler(TpeSampler.builder().seed(7).build())
                .pruner(MedianPruner.builder().build())
                .storage(storage)
                .build();
        study.setUserAttr("dataset", "synthetic");
        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", -3, 3);
                    double lr = trial.suggestLogFloat("lr", 1e-4, 1);
                    String kind = trial.suggestCategorical("kind", List.of("linear", "tree", "net"));
                    int depth = trial.suggestInt("depth", 1, 6);
                    trial.setUserAttr("note", "trial " + trial.number());
                    if (kind.equals("net") && x > 2) {
                        throw new DeliberateFailure("diverged at x=" + x);
                    }
                    double target =
                            x * x + Math.abs(Math.log10(lr) + 2) + depth * 0.1 + (kind.equals("tree") ? 0 : 0.5);
                    double value = target + 5;
                    for (int step = 0; step < 8; step++) {
                        value = target + 5.0 / (step + 1);
                        trial.report(value, step);
                        if (trial.shouldPrune()) {
                            throw new TrialPrunedException();
                        }
                    }
                    return value;
                },
                OptimizeOptions.trials(trials).catching(DeliberateFailure.class));
        return study;
    }

    /** Three objectives and a constraint: feasible and infeasible trials. */
    static Study multiObjective(Storage storage, String name, int trials) {
        Study study = Study.builder()
                .name(name)
                .directions(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(new RandomSampler(11))
                .storage(storage)
                .build();
        study.optimizeMulti(
                (Trial trial) -> {
                    double a = trial.suggestFloat("a", 0, 1);
                    double b = trial.suggestFloat("b", 0, 1);
                    double waste = trial.suggestFloat("waste", 0, 1); // makes a trial dominated
                    trial.setConstraint("budget", a + b - 1.5);
                    return new double[] {a + waste, 1 - a + waste, b - waste};
                },
                OptimizeOptions.trials(trials));
        return study;
    }

    /** A study whose name, parameter, choices and attributes are all markup. */
    static Study markup(Storage storage) {
        Study study = Study.builder()
                .name(XSS)
                .direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(3))
                .storage(storage)
                .build();
        study.setUserAttr(XSS, "<i>study attribute</i>");
        study.optimize(
                trial -> {
                    double v = trial.suggestFloat(XSS_PARAM, 0, 1);
                    String c = trial.suggestCategorical(
                            "choice", List.of(XSS_CHOICE, "</script><script>alert(3)</script>"));
                    trial.setUserAttr("<u>key</u>", "<script>alert(4)</script>");
                    return v + c.length();
                },
                6);
        return study;
    }

    /** The studies of bad input: none, only FAIL, NaN/inf, 200 parameters, a conditional space. */
    static void oddStudies(Storage storage) {
        Study.builder().name(EMPTY).storage(storage).build();

        Study onlyFail = Study.builder().name(ONLY_FAIL).storage(storage).build();
        onlyFail.optimize(
                trial -> {
                    trial.suggestFloat("x", 0, 1);
                    throw new DeliberateFailure("always fails");
                },
                OptimizeOptions.trials(4).catching(DeliberateFailure.class));

        Study nonFinite = Study.builder().name(NON_FINITE).storage(storage).build();
        Instant now = Instant.now();
        double[] values = {1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5};
        for (int i = 0; i < values.length; i++) {
            nonFinite.addTrial(FrozenTrial.builder()
                    .values(values[i])
                    .param("x", FloatDistribution.of(0, 1), 0.25 * i)
                    .param("c", CategoricalDistribution.of("a", "b"), i % 2 == 0 ? "a" : "b")
                    .intermediateValue(0, Double.NaN)
                    .intermediateValue(1, i)
                    .datetimeStart(now.minusSeconds(10 - i))
                    .datetimeComplete(now.minusSeconds(9 - i))
                    .build());
        }
        nonFinite.addTrial(FrozenTrial.builder()
                .state(TrialState.FAIL)
                .systemAttr(FrozenTrial.FAIL_REASON_KEY, "The objective returned NaN")
                .build());

        Study wide = Study.builder()
                .name(WIDE)
                .storage(storage)
                .sampler(new RandomSampler(5))
                .build();
        wide.optimize(
                trial -> {
                    double sum = 0;
                    for (int i = 0; i < 200; i++) {
                        sum += trial.suggestFloat("p" + i, 0, 1);
                    }
                    return sum;
                },
                5);

        Study conditional = Study.builder()
                .name(CONDITIONAL)
                .storage(storage)
                .sampler(new RandomSampler(9))
                .build();
        conditional.optimize(
                trial -> {
                    String model = trial.suggestCategorical("model", List.of("svm", "forest", "knn", "tree", "net"));
                    if (model.equals("svm")) {
                        return trial.suggestLogFloat("svm_c", 1e-3, 1e3);
                    }
                    return trial.suggestInt("other_" + model, 1, 10);
                },
                30);
    }

    /** Every study the dashboard tests look at, in one storage. */
    static Map<String, Study> all(Storage storage) {
        Study single = singleObjective(storage, SINGLE, 60);
        Study multi = multiObjective(storage, MULTI, 40);
        Study xss = markup(storage);
        oddStudies(storage);
        return Map.of(SINGLE, single, MULTI, multi, XSS, xss);
    }
}
