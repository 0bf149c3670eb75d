package io.tunekit.samplers.cmaes;

import io.tunekit.samplers.cmaes.CmaOptimizer.Solution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The warm start of Nomura, Watanabe, Akimoto, Ozaki and Onishi (AAAI 2021), as the
 * {@code cmaes} library's {@code get_warm_start_mgd}: a Gaussian fitted to the best
 * {@code gamma} of a source task's solutions, with a prior {@code alpha^2 I}.
 */
final class WarmStart {

    /** The fitted mean, step size and covariance (with determinant 1). */
    record Distribution(double[] mean, double sigma, double[][] cov) {}

    private WarmStart() {}

    static Distribution estimate(List<Solution> solutions) {
        return estimate(solutions, 0.1, 0.1);
    }

    static Distribution estimate(List<Solution> solutions, double gamma, double alpha) {
        List<Solution> sorted = new ArrayList<>(solutions);
        sorted.sort(Comparator.comparingDouble(Solution::value));
        int n = (int) Math.floor(sorted.size() * gamma);
        if (n < 1) {
            throw new IllegalArgumentException(
                    "CmaEsSampler: the warm start needs at least " + (int) Math.ceil(1 / gamma)
                            + " source solutions (the best 10% must hold one), got " + sorted.size());
        }
        int dim = sorted.get(0).x().length;
        double[] mean = new double[dim];
        double[][] second = new double[dim][dim];
        for (int k = 0; k < n; k++) {
            double[] x = sorted.get(k).x();
            for (int i = 0; i < dim; i++) {
                mean[i] += x[i] / n;
                for (int j = 0; j < dim; j++) {
                    second[i][j] += x[i] * x[j] / n;
                }
            }
        }
        double[][] sigmaMatrix = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                sigmaMatrix[i][j] = (i == j ? alpha * alpha : 0) + second[i][j] - mean[i] * mean[j];
            }
        }
        double det = CmaOptimizer.determinant(sigmaMatrix);
        double sigma = Math.pow(det, 1.0 / 2.0 / dim);
        double norm = Math.pow(det, 1.0 / dim);
        double[][] cov = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                cov[i][j] = sigmaMatrix[i][j] / norm;
            }
        }
        return new Distribution(mean, sigma, cov);
    }
}
