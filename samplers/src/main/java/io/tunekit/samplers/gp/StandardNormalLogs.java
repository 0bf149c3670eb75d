package io.tunekit.samplers.gp;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.ContinuedFraction;

/**
 * Logarithms of standard normal quantities that stay finite and accurate far in the lower tail,
 * where {@code Phi(z)} and {@code phi(z) + z Phi(z)} underflow to zero in double precision.
 *
 * <p>Near the centre the functions use Commons Math's {@link Erf#erfc}, which is accurate in
 * relative terms until it underflows (around {@code z = -38}). Below {@link #TAIL} they use
 * Laplace's continued fraction for the Mills ratio {@code (1 - Phi(t)) / phi(t) = 1 / g(t)} with
 * {@code g(t) = t + 1/(t + 2/(t + 3/(t + ...)))}, evaluated by Commons Math's
 * {@link ContinuedFraction}. With {@code q(t) = t + 2/(t + 3/(t + ...))}, so that
 * {@code g = t + 1/q}, one gets for {@code t = -z > 0}:
 * <pre>
 *   Phi(z)              = phi(t) / g(t)
 *   phi(z) + z Phi(z)   = phi(t) (1 - t/g(t)) = phi(t) / (g(t) q(t))
 *   d/dz log(phi + z Phi) = Phi / (phi + z Phi) = q(t)
 * </pre>
 * which has no cancellation at all, so the log expected improvement of a point far below the
 * incumbent is a finite, ordered number instead of {@code -inf}.
 */
final class StandardNormalLogs {

    /** Below this z the continued fractions are used (they converge fast there). */
    static final double TAIL = -5.0;

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double CF_EPSILON = 1e-15;
    private static final int CF_MAX_ITERATIONS = 10_000;

    /** g(t) = t + 1/(t + 2/(t + 3/(t + ...))): the inverse Mills ratio. */
    private static final ContinuedFraction INVERSE_MILLS = new MillsFraction(0);

    /** q(t) = t + 2/(t + 3/(t + ...)). */
    private static final ContinuedFraction SHIFTED_INVERSE_MILLS = new MillsFraction(1);

    /** {@code t + (1+shift)/(t + (2+shift)/(t + ...))}: Laplace's fraction, its numerators shifted. */
    private static final class MillsFraction extends ContinuedFraction {
        private final int shift;

        MillsFraction(int shift) {
            this.shift = shift;
        }

        @Override
        protected double getA(int n, double t) {
            return t;
        }

        @Override
        protected double getB(int n, double t) {
            return n + shift;
        }
    }

    private StandardNormalLogs() {}

    /** log phi(z), the log density. */
    static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Phi(z) from erfc; underflows to 0 below about -38. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z * SQRT_HALF);
    }

    /**
     * log(phi(z) + z Phi(z)): the log of the expected improvement {@code E[max(0, Y + z)]} of a
     * standard normal Y. Finite for every finite z.
     */
    static double logExpectedImprovement(double z) {
        if (z >= TAIL) {
            return Math.log(Math.exp(logPdf(z)) + z * cdf(z));
        }
        double t = -z;
        return logPdf(t)
                - Math.log(INVERSE_MILLS.evaluate(t, CF_EPSILON, CF_MAX_ITERATIONS))
                - Math.log(SHIFTED_INVERSE_MILLS.evaluate(t, CF_EPSILON, CF_MAX_ITERATIONS));
    }

    /** d/dz {@link #logExpectedImprovement}: Phi(z) / (phi(z) + z Phi(z)). */
    static double logExpectedImprovementSlope(double z) {
        if (z >= TAIL) {
            double cdf = cdf(z);
            return cdf / (Math.exp(logPdf(z)) + z * cdf);
        }
        return SHIFTED_INVERSE_MILLS.evaluate(-z, CF_EPSILON, CF_MAX_ITERATIONS);
    }

    /** log Phi(z). Finite for every finite z. */
    static double logCdf(double z) {
        if (z >= 0) {
            return Math.log1p(-0.5 * Erf.erfc(z * SQRT_HALF));
        }
        if (z >= TAIL) {
            return Math.log(cdf(z));
        }
        double t = -z;
        return logPdf(t) - Math.log(INVERSE_MILLS.evaluate(t, CF_EPSILON, CF_MAX_ITERATIONS));
    }

    /** d/dz {@link #logCdf}: phi(z) / Phi(z). */
    static double logCdfSlope(double z) {
        if (z >= TAIL) {
            return Math.exp(logPdf(z) - logCdf(z));
        }
        return INVERSE_MILLS.evaluate(-z, CF_EPSILON, CF_MAX_ITERATIONS);
    }
}
