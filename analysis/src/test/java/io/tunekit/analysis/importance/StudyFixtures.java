package io.tunekit.analysis.importance;

import io.tunekit.Direction;
import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import java.util.List;

/** Seeded studies whose importances are known or compared with Optuna's. */
final class StudyFixtures {

    private StudyFixtures() {}

    /** f = 10 x0 + x1 + 0 x2 on [0, 1]^3, minimised: x0 matters most, x2 not at all. */
    static Study linear(Storage storage, String name, int trials, long seed) {
        Study study = builder(storage, name, seed).build();
        study.optimize(
                t -> {
                    double x0 = t.suggestFloat("x0", 0, 1);
                    double x1 = t.suggestFloat("x1", 0, 1);
                    double x2 = t.suggestFloat("x2", 0, 1);
                    return 10 * x0 + x1 + 0 * x2;
                },
                trials);
        return study;
    }

    /**
     * Every kind of parameter (log float, stepped float, int, log int, categorical), maximised, with
     * an effect of each but {@code noise}.
     */
    static Study mixed(Storage storage, String name, int trials, long seed) {
        Study study = builder(storage, name, seed).direction(Direction.MAXIMIZE).build();
        study.optimize(
                t -> {
                    double lr = t.suggestLogFloat("lr", 1e-4, 1);
                    double dropout = t.suggestFloat("dropout", 0, 0.5, 0.05);
                    int layers = t.suggestInt("layers", 1, 6);
                    int units = t.suggestLogInt("units", 4, 512);
                    String act = t.suggestCategorical("act", List.of("relu", "tanh", "gelu"));
                    double noise = t.suggestFloat("noise", -1, 1);
                    double score = -Math.pow(Math.log10(lr) + 2.5, 2)
                            - 4 * Math.abs(dropout - 0.2)
                            + 0.3 * Math.min(layers, 4)
                            + 0.4 * Math.log(units) / Math.log(512)
                            + (act.equals("gelu") ? 0.8 : act.equals("relu") ? 0.5 : 0);
                    return score + 0 * noise;
                },
                trials);
        return study;
    }

    /** A conditional space: which sub-parameters a trial has depends on its "model". */
    static Study conditional(Storage storage, String name, int trials, long seed) {
        Study study = builder(storage, name, seed).build();
        study.optimize(
                t -> {
                    String model = t.suggestCategorical("model", List.of("svm", "tree"));
                    double x = t.suggestFloat("x", -3, 3);
                    if (model.equals("svm")) {
                        double c = t.suggestLogFloat("C", 1e-3, 1e3);
                        return x * x + Math.abs(Math.log10(c));
                    }
                    int depth = t.suggestInt("depth", 1, 12);
                    return x * x + 0.2 * Math.abs(depth - 6) + 1;
                },
                trials);
        return study;
    }

    private static Study.Builder builder(Storage storage, String name, long seed) {
        return Study.builder().name(name).storage(storage).sampler(new RandomSampler(seed));
    }
}
