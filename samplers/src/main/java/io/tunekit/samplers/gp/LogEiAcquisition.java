package io.tunekit.samplers.gp;

import io.tunekit.samplers.gp.internal.GaussianProcess;
import java.util.List;

/**
 * The acquisition function, in log space, to be maximised:
 * <pre>
 *   log EI(x) + sum_c log P[g_c(x) >= threshold_c]
 * </pre>
 * where {@code log EI(x) = log sigma + log(phi(z) + z Phi(z))}, {@code z = (mean - best) / sigma}
 * for the objective GP (outputs are maximised), and each constraint GP models the standardised
 * {@code -c} with the threshold that corresponds to {@code c = 0}. Without constraints this is
 * LogEI; with them, LogCEI. When no observed point is feasible there is no incumbent and the
 * objective term is left out (0), so only the feasibility terms drive the search. A stabilising
 * {@code 1e-12} is added to every variance, as in Optuna.
 *
 * <p>Not thread-safe (the GPs reuse buffers).
 */
final class LogEiAcquisition {

    /** Added to each posterior variance before taking its square root. */
    static final double STABILIZING_NOISE = 1e-12;

    private final GaussianProcess objective;
    private final double best;
    private final List<GaussianProcess> constraints;
    private final double[] constraintThresholds;
    private final int dim;
    private final double[] out = new double[2];
    private final double[] meanGradient;
    private final double[] varianceGradient;

    /**
     * @param objective the objective GP, or {@code null} when no point is feasible
     * @param best the incumbent (largest standardised feasible output)
     * @param constraints one GP per constraint (may be empty)
     * @param constraintThresholds the feasibility threshold of each constraint GP
     * @param dim the input dimension
     */
    LogEiAcquisition(
            GaussianProcess objective,
            double best,
            List<GaussianProcess> constraints,
            double[] constraintThresholds,
            int dim) {
        if (constraints.size() != constraintThresholds.length) {
            throw new IllegalArgumentException(
                    constraints.size() + " constraint GPs but " + constraintThresholds.length + " thresholds");
        }
        this.objective = objective;
        this.best = best;
        this.constraints = List.copyOf(constraints);
        this.constraintThresholds = constraintThresholds.clone();
        this.dim = dim;
        this.meanGradient = new double[dim];
        this.varianceGradient = new double[dim];
    }

    /** The acquisition value at x. */
    double value(double[] x) {
        double value = 0;
        if (objective != null) {
            objective.posterior(x, out, null, null);
            value += logEi(out[0], out[1], null, null, null);
        }
        for (int c = 0; c < constraints.size(); c++) {
            constraints.get(c).posterior(x, out, null, null);
            value += logFeasibility(out[0], out[1], constraintThresholds[c], null, null, null);
        }
        return value;
    }

    /** The values of many points (batched through the GPs). */
    void values(double[][] xs, double[] values) {
        double[] means = new double[xs.length];
        double[] variances = new double[xs.length];
        java.util.Arrays.fill(values, 0);
        if (objective != null) {
            objective.posterior(xs, means, variances);
            for (int j = 0; j < xs.length; j++) {
                values[j] += logEi(means[j], variances[j], null, null, null);
            }
        }
        for (int c = 0; c < constraints.size(); c++) {
            constraints.get(c).posterior(xs, means, variances);
            for (int j = 0; j < xs.length; j++) {
                values[j] += logFeasibility(means[j], variances[j], constraintThresholds[c], null, null, null);
            }
        }
    }

    /** The value at x; its gradient with respect to x is written to {@code gradient}. */
    double valueAndGradient(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double value = 0;
        if (objective != null) {
            objective.posterior(x, out, meanGradient, varianceGradient);
            value += logEi(out[0], out[1], meanGradient, varianceGradient, gradient);
        }
        for (int c = 0; c < constraints.size(); c++) {
            constraints.get(c).posterior(x, out, meanGradient, varianceGradient);
            value += logFeasibility(out[0], out[1], constraintThresholds[c], meanGradient, varianceGradient, gradient);
        }
        return value;
    }

    /** log EI of N(mean, variance) over {@code best}; adds its gradient to {@code gradient} if given. */
    private double logEi(double mean, double variance, double[] dMean, double[] dVariance, double[] gradient) {
        double var = variance + STABILIZING_NOISE;
        double sigma = Math.sqrt(var);
        double z = (mean - best) / sigma;
        double value = Math.log(sigma) + StandardNormalLogs.logExpectedImprovement(z);
        if (gradient != null) {
            double slope = StandardNormalLogs.logExpectedImprovementSlope(z);
            // d/dx [1/2 log var + h(z)], z = (mean - best) / sqrt(var)
            for (int d = 0; d < dim; d++) {
                double dz = dMean[d] / sigma - 0.5 * z * dVariance[d] / var;
                gradient[d] += 0.5 * dVariance[d] / var + slope * dz;
            }
        }
        return value;
    }

    /** log P[N(mean, variance) >= threshold]; adds its gradient to {@code gradient} if given. */
    private double logFeasibility(
            double mean, double variance, double threshold, double[] dMean, double[] dVariance, double[] gradient) {
        double var = variance + STABILIZING_NOISE;
        double sigma = Math.sqrt(var);
        double z = (mean - threshold) / sigma;
        double value = StandardNormalLogs.logCdf(z);
        if (gradient != null) {
            double slope = StandardNormalLogs.logCdfSlope(z);
            for (int d = 0; d < dim; d++) {
                gradient[d] += slope * (dMean[d] / sigma - 0.5 * z * dVariance[d] / var);
            }
        }
        return value;
    }
}
