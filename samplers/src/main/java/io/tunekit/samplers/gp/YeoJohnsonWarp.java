package io.tunekit.samplers.gp;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Yeo-Johnson power transform of the GP's output values, with its exponent fitted by maximum
 * likelihood. Immutable.
 *
 * <p>Why: objective values are often heavy-tailed (a few diverged runs, the corners of a box
 * where a polynomial explodes). Standardised as they are, the few bad values set the scale, the
 * good region looks flat, the fitted length scales come out short and log EI chases the far
 * corners. The transform is monotone, so it keeps the order of the values (and so the incumbent),
 * and with the exponent {@code lambda = 1} it is the identity: data that already look normal stay
 * as they are. The exponent maximises the normal profile likelihood of the transformed values,
 * as in Yeo and Johnson (2000) and scikit-learn's {@code PowerTransformer}:
 * <pre>
 *   psi(y) = ((1 + y)^lambda - 1) / lambda               y >= 0   (log(1 + y) if lambda = 0)
 *   psi(y) = -((1 - y)^(2 - lambda) - 1) / (2 - lambda)  y <  0   (-log(1 - y) if lambda = 2)
 *   loglik(lambda) = -n/2 log var(psi(y)) + (lambda - 1) sum sign(y) log(1 + |y|)
 * </pre>
 * The transform is not scale-invariant, so it is applied to values already standardised.
 */
final class YeoJohnsonWarp {

    /**
     * The exponent's search range, symmetric around the identity's 1 (lambda and 2 - lambda play
     * mirrored roles on the two signs); ample for standardised values, whose magnitudes stay below
     * sqrt(n).
     */
    static final double MIN_LAMBDA = -3;

    static final double MAX_LAMBDA = 5;
    /** Below this distance from 0 or 2 the logarithmic limits are used. */
    private static final double LIMIT_TOLERANCE = 1e-12;

    private static final YeoJohnsonWarp IDENTITY = new YeoJohnsonWarp(1);

    private final double lambda;

    private YeoJohnsonWarp(double lambda) {
        this.lambda = lambda;
    }

    /**
     * The transform with a given exponent.
     *
     * @throws IllegalArgumentException if the exponent is not finite
     */
    static YeoJohnsonWarp withLambda(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda=" + lambda + " must be finite");
        }
        return new YeoJohnsonWarp(lambda);
    }

    /**
     * The maximum likelihood transform of finite values (the identity for fewer than two
     * distinct values, where the likelihood says nothing).
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    static YeoJohnsonWarp fit(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + v + " is not finite; clip before warping");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            return IDENTITY;
        }
        // Brent needs no derivative, and the profile likelihood is smooth and unimodal in
        // practice (it is concave for the Box-Cox family; Yeo-Johnson behaves alike).
        BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-10);
        double best = brent.optimize(
                        new MaxEval(500),
                        GoalType.MAXIMIZE,
                        new UnivariateObjectiveFunction(l -> logLikelihood(values, l)),
                        new SearchInterval(MIN_LAMBDA, MAX_LAMBDA, 1))
                .getPoint();
        return new YeoJohnsonWarp(best);
    }

    /** The exponent. */
    double lambda() {
        return lambda;
    }

    /** The transformed value. */
    double apply(double y) {
        if (y >= 0) {
            return Math.abs(lambda) < LIMIT_TOLERANCE ? Math.log1p(y) : Math.expm1(lambda * Math.log1p(y)) / lambda;
        }
        double mirrored = 2 - lambda;
        return Math.abs(mirrored) < LIMIT_TOLERANCE
                ? -Math.log1p(-y)
                : -Math.expm1(mirrored * Math.log1p(-y)) / mirrored;
    }

    /** The transformed values, in a new array. */
    double[] apply(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = apply(values[i]);
        }
        return out;
    }

    /**
     * The normal profile log likelihood of an exponent for the values, constants dropped: the
     * variance term plus the log Jacobian of the transform.
     */
    static double logLikelihood(double[] values, double lambda) {
        YeoJohnsonWarp warp = new YeoJohnsonWarp(lambda);
        int n = values.length;
        double[] t = warp.apply(values);
        double mean = 0;
        double logJacobian = 0;
        for (int i = 0; i < n; i++) {
            mean += t[i];
            logJacobian += Math.copySign(Math.log1p(Math.abs(values[i])), values[i]);
        }
        mean /= n;
        double variance = 0;
        for (double v : t) {
            variance += (v - mean) * (v - mean);
        }
        variance /= n;
        if (!(variance > 0) || !Double.isFinite(variance)) {
            // The transform collapsed or overflowed the values: an exponent to rank last.
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * n * Math.log(variance) + (lambda - 1) * logJacobian;
    }

    @Override
    public String toString() {
        return "YeoJohnsonWarp[lambda=" + lambda + "]";
    }
}
