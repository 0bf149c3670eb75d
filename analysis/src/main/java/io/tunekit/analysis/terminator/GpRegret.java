package io.tunekit.analysis.terminator;

import io.tunekit.samplers.gp.internal.GaussianProcess;
import io.tunekit.samplers.gp.internal.KernelFit;
import io.tunekit.samplers.gp.internal.KernelPrior;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import java.util.SplittableRandom;

/**
 * The GP arithmetic {@link RegretBound} and {@link Emmr} share, on the GP sampler's own model
 * (kernel, MAP fit and posterior), with Optuna's prior on the kernel parameters.
 */
final class GpRegret {

    /** Random candidates scored when maximising the upper confidence bound (Optuna: 2048). */
    static final int CANDIDATES = 2048;

    private GpRegret() {}

    /**
     * The MAP fit of the GP to standardised values with Optuna's kernel prior (as Optuna's
     * terminator), warm-started from {@code previous} if given.
     */
    static KernelFit.Fit fit(
            double[][] x, double[] y, boolean[] categorical, boolean deterministic, KernelFit.Fit previous) {
        return KernelFit.fit(x, y, categorical, deterministic, KernelPrior.OPTUNA, previous);
    }

    /**
     * The confidence width parameter of GP-UCB (Srinivas et al.) for d dimensions and n points,
     * scaled down by 5 as Optuna does.
     */
    static double beta(int dimensions, int points, double delta) {
        return 2 * Math.log(dimensions * (double) points * points * Math.PI * Math.PI / 6 / delta) / 5;
    }

    /**
     * The standardised regret bound: the highest upper confidence bound (over the observed points
     * and {@value #CANDIDATES} random points of the space) minus the highest lower confidence bound
     * over the observed points. Values are maximised.
     */
    static double standardizedRegretBound(
            GaussianProcess gp,
            SearchSpaceEncoding encoding,
            double[][] observed,
            double delta,
            SplittableRandom random) {
        double beta = beta(encoding.dimension(), observed.length, delta);
        double[] means = new double[observed.length];
        double[] variances = new double[observed.length];
        gp.posterior(observed, means, variances);
        double ucb = Double.NEGATIVE_INFINITY;
        double lcb = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < observed.length; i++) {
            double width = Math.sqrt(beta * variances[i]);
            ucb = Math.max(ucb, means[i] + width);
            lcb = Math.max(lcb, means[i] - width);
        }
        double[][] candidates = new double[CANDIDATES][encoding.dimension()];
        for (double[] c : candidates) {
            for (int d = 0; d < c.length; d++) {
                c[d] = encoding.fromUnit(d, random.nextDouble());
            }
        }
        double[] cMeans = new double[CANDIDATES];
        double[] cVariances = new double[CANDIDATES];
        gp.posterior(candidates, cMeans, cVariances);
        for (int j = 0; j < CANDIDATES; j++) {
            ucb = Math.max(ucb, cMeans[j] + Math.sqrt(beta * cVariances[j]));
        }
        return ucb - lcb;
    }
}
