package io.tunekit.benchmarks.pruning;

import io.tunekit.Trial;
import java.util.SplittableRandom;

/**
 * Synthetic learning curves for the pruning benchmark: a configuration of four parameters
 * {@code x0..x3} in [0, 1] has a <em>final score</em> (a loss, lower is better)
 * <pre>  final(x) = 0.1 + 1.0 (x0 - 0.3)^2 + 0.8 (x1 - 0.7)^2 + 0.6 (x2 - 0.5)^2 + 0.4 (x3 - 0.2)^2</pre>
 * (best 0.1 at (0.3, 0.7, 0.5, 0.2)) and a curve that starts at 1.5 and approaches it at a rate
 * that grows with {@code x0}, like a learning rate,
 * <pre>  curve(t) = final + (1.5 - final) exp(-(0.08 + 0.32 x0) t) + N(0, 0.03^2),  t = 0, 1, ...</pre>
 * with independent Gaussian noise at each step, seeded per trial. A slow learner (small x0) looks
 * worse early than it ends: the trap an early-stopping rule can fall into. After 50 steps every
 * curve is within 0.03 of its final score, noise aside.
 */
public final class LearningCurves {

    /** The loss every curve starts from. */
    public static final double START = 1.5;
    /** The standard deviation of the noise at each step. */
    public static final double NOISE = 0.03;

    private static final double[] CENTRE = {0.3, 0.7, 0.5, 0.2};
    private static final double[] WEIGHT = {1.0, 0.8, 0.6, 0.4};

    private final double[] x;
    private final SplittableRandom noise;

    private LearningCurves(double[] x, long seed) {
        this.x = x.clone();
        this.noise = new SplittableRandom(seed);
    }

    /** Suggests {@code x0..x3} in the trial and returns the configuration's curve. */
    public static LearningCurves suggest(Trial trial, long seed) {
        double[] x = new double[CENTRE.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        return new LearningCurves(x, seed);
    }

    /** The curve of a configuration, for tests. */
    static LearningCurves of(double[] x, long seed) {
        if (x.length != CENTRE.length) {
            throw new IllegalArgumentException("a configuration has " + CENTRE.length + " parameters, got " + x.length);
        }
        return new LearningCurves(x, seed);
    }

    /** The value the curve approaches: the configuration's true quality. */
    public double finalScore() {
        double score = 0.1;
        for (int i = 0; i < x.length; i++) {
            score += WEIGHT[i] * (x[i] - CENTRE[i]) * (x[i] - CENTRE[i]);
        }
        return score;
    }

    /** The noise-free curve at step {@code t}. */
    public double expected(int t) {
        double end = finalScore();
        return end + (START - end) * Math.exp(-(0.08 + 0.32 * x[0]) * t);
    }

    /** The observed value at step {@code t}: the expected one plus fresh noise. */
    public double observe(int t) {
        return expected(t) + NOISE * gaussian();
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - noise.nextDouble();
        double v = noise.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
