package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import java.util.SplittableRandom;

/** Seeded studies of a cross-validated objective: five noisy fold scores per trial, reported. */
final class CvStudies {

    private CvStudies() {}

    /**
     * Maximises the mean of 5 fold scores, each {@code 0.9 - amplitude ((x - 0.3)^2 + 0.5 (y - 0.6)^2 +
     * 0.1 [kind = b])} plus normal noise of standard deviation {@code noise} (seeded by trial number).
     */
    static Study study(Storage storage, String name, int trials, long seed, double amplitude, double noise) {
        Study study = Study.builder()
                .name(name)
                .storage(storage)
                .direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(seed))
                .build();
        study.optimize(
                t -> {
                    double x = t.suggestFloat("x", 0, 1);
                    double y = t.suggestFloat("y", 0, 1);
                    String kind = t.suggestCategorical("kind", java.util.List.of("a", "b"));
                    double f = 0.9
                            - amplitude
                                    * ((x - 0.3) * (x - 0.3)
                                            + 0.5 * (y - 0.6) * (y - 0.6)
                                            + (kind.equals("b") ? 0.1 : 0));
                    SplittableRandom random = new SplittableRandom(seed * 1000 + t.number());
                    double[] folds = new double[5];
                    double sum = 0;
                    for (int k = 0; k < folds.length; k++) {
                        folds[k] = f + noise * gaussian(random);
                        sum += folds[k];
                    }
                    Terminator.reportCrossValidationScores(t, folds);
                    return sum / folds.length;
                },
                trials);
        return study;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: enough for test noise.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
