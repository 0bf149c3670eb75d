package io.tunekit.samplers.tpe;

/**
 * The standard normal distribution in log space, for truncated-normal kernels far in their
 * tails: log CDF, log probability mass of an interval and the inverse of the log CDF, without
 * the {@code -inf} an underflowing CDF difference would give.
 *
 * <p>{@link #erfc} and the tail form of {@link #logErfc} use the rational approximations of Sun's
 * fdlibm {@code s_erf.c} (Copyright 1993 Sun Microsystems, Inc.; "Permission to use, copy, modify,
 * and distribute this software is freely granted, provided that this notice is preserved"): for
 * {@code x >= 1.25}, {@code erfc(x) = exp(-x^2 - 0.5625 + R(1/x^2)/S(1/x^2)) / x}, which in log
 * space needs no exponential at all and stays finite for any {@code x}.
 */
final class NormalMath {

    /** {@code log(sqrt(2 pi))}. */
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double LOG_HALF = Math.log(0.5);

    private static final double ERX = 8.45062911510467529297e-01;
    // erf on [0, 0.84375]: x + x * P(x^2) / Q(x^2)
    private static final double[] PP = {
        1.28379167095512558561e-01,
        -3.25042107247001499370e-01,
        -2.84817495755985104766e-02,
        -5.77027029648944159157e-03,
        -2.37630166566501626084e-05
    };
    private static final double[] QQ = {
        1,
        3.97917223959155352819e-01,
        6.50222499887672944485e-02,
        5.08130628187576562776e-03,
        1.32494738004321644526e-04,
        -3.96022827877536812320e-06
    };
    // erf on [0.84375, 1.25]: erx + P(s) / Q(s), s = x - 1
    private static final double[] PA = {
        -2.36211856075265944077e-03,
        4.14856118683748331666e-01,
        -3.72207876035701323847e-01,
        3.18346619901161753674e-01,
        -1.10894694282396677476e-01,
        3.54783043256182359371e-02,
        -2.16637559486879084300e-03
    };
    private static final double[] QA = {
        1,
        1.06420880400844228286e-01,
        5.40397917702171048937e-01,
        7.18286544141962662868e-02,
        1.26171219808761642112e-01,
        1.36370839120290507362e-02,
        1.19844998467991074170e-02
    };
    // log(x erfc(x)) + x^2 + 0.5625 on [1.25, 1/0.35] and beyond, in s = 1/x^2
    private static final double[] RA = {
        -9.86494403484714822705e-03,
        -6.93858572707181764372e-01,
        -1.05586262253232909814e+01,
        -6.23753324503260060396e+01,
        -1.62396669462573470355e+02,
        -1.84605092906711035994e+02,
        -8.12874355063065934246e+01,
        -9.81432934416914548592e+00
    };
    private static final double[] SA = {
        1,
        1.96512716674392571292e+01,
        1.37657754143519042600e+02,
        4.34565877475229228821e+02,
        6.45387271733267880336e+02,
        4.29008140027567833386e+02,
        1.08635005541779435134e+02,
        6.57024977031928170135e+00,
        -6.04244152148580987438e-02
    };
    private static final double[] RB = {
        -9.86494292470009928597e-03,
        -7.99283237680523006574e-01,
        -1.77579549177547519889e+01,
        -1.60636384855821916062e+02,
        -6.37566443368389627722e+02,
        -1.02509513161107724954e+03,
        -4.83519191608651397019e+02
    };
    private static final double[] SB = {
        1,
        3.03380607434824582924e+01,
        3.25792512996573918826e+02,
        1.53672958608443695994e+03,
        3.19985821950859553908e+03,
        2.55305040643316442583e+03,
        4.74528541206955367215e+02,
        -2.24409524465858183362e+01
    };

    // Wichura's AS 241 (PPND16, Applied Statistics 37(3), 1988), lowest degree first:
    // |p - 1/2| <= 0.425: z = q A(r) / B(r), r = 0.180625 - q^2
    private static final double[] AS_A = {
        3.3871328727963666080,
        1.3314166789178437745e+2,
        1.9715909503065514427e+3,
        1.3731693765509461125e+4,
        4.5921953931549871457e+4,
        6.7265770927008700853e+4,
        3.3430575583588128105e+4,
        2.5090809287301226727e+3
    };
    private static final double[] AS_B = {
        1,
        4.2313330701600911252e+1,
        6.8718700749205790830e+2,
        5.3941960214247511077e+3,
        2.1213794301586595867e+4,
        3.9307895800092710610e+4,
        2.8729085735721942674e+4,
        5.2264952788528545610e+3
    };
    // r = sqrt(-log p) <= 5: C(r - 1.6) / D(r - 1.6)
    private static final double[] AS_C = {
        1.42343711074968357734,
        4.63033784615654529590,
        5.76949722146069140550,
        3.64784832476320460504,
        1.27045825245236838258,
        2.41780725177450611770e-1,
        2.27238449892691845833e-2,
        7.74545014278341407640e-4
    };
    private static final double[] AS_D = {
        1,
        2.05319162663775882187,
        1.67638483018380384940,
        6.89767334985100004550e-1,
        1.48103976427480074590e-1,
        1.51986665636164571966e-2,
        5.47593808499534494600e-4,
        1.05075007164441684324e-9
    };
    // r > 5: E(r - 5) / F(r - 5)
    private static final double[] AS_E = {
        6.65790464350110377720,
        5.46378491116411436990,
        1.78482653991729133580,
        2.96560571828504891230e-1,
        2.65321895265761230930e-2,
        1.24266094738807843860e-3,
        2.71155556874348757815e-5,
        2.01033439929228813265e-7
    };
    private static final double[] AS_F = {
        1,
        5.99832206555887937690e-1,
        1.36929880922735805310e-1,
        1.48753612908506148525e-2,
        7.86869131145613259100e-4,
        1.84631831751005468180e-5,
        1.42151175831644588870e-7,
        2.04426310338993978564e-15
    };
    /** Below this, a probability goes to the log-space path (AS 241 holds down to about 1e-300). */
    private static final double MIN_LINEAR = 1e-300;

    private NormalMath() {}

    private static double poly(double[] c, double x) {
        double r = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            r = c[i] + x * r;
        }
        return r;
    }

    /** The complementary error function. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double ax = Math.abs(x);
        if (ax < 0.84375) {
            if (ax < 0x1p-56) {
                return 1 - x;
            }
            double z = x * x;
            double y = poly(PP, z) / poly(QQ, z);
            if (x < 0.25) {
                return 1 - (x + x * y); // also right for negative x: erf is odd
            }
            return 0.5 - (x * y + (x - 0.5));
        }
        if (ax < 1.25) {
            double s = ax - 1;
            double pq = poly(PA, s) / poly(QA, s);
            return x > 0 ? 1 - ERX - pq : 1 + ERX + pq;
        }
        if (ax >= 28) {
            return x > 0 ? Math.exp(logErfcTail(ax)) : 2;
        }
        // exp(-x^2) with x split into a short head, so that the large argument is exact
        double head = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) & 0xffffffff00000000L);
        double tail = Math.exp(-head * head - 0.5625) * Math.exp((head - ax) * (head + ax) + tailRatio(ax)) / ax;
        return x > 0 ? tail : 2 - tail;
    }

    /** The fdlibm rational correction {@code R(1/x^2)/S(1/x^2)} for {@code x >= 1.25}. */
    private static double tailRatio(double x) {
        double s = 1 / (x * x);
        return x < 1 / 0.35 ? poly(RA, s) / poly(SA, s) : poly(RB, s) / poly(SB, s);
    }

    /** {@code log(erfc(x))}, finite for every finite {@code x}. */
    static double logErfc(double x) {
        if (x < 1.25) {
            return Math.log(erfc(x));
        }
        return logErfcTail(x);
    }

    /** {@code log(erfc(x))} for {@code x >= 1.25}. */
    private static double logErfcTail(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double rs = tailRatio(x);
        double hi = x * x;
        double lo = Math.fma(x, x, -hi); // x^2 = hi + lo exactly
        return -Math.log(x) - hi - 0.5625 + (rs - lo);
    }

    /** The standard normal CDF {@code Phi(z)}. */
    static double ndtr(double z) {
        return 0.5 * erfc(-z * SQRT1_2);
    }

    /** {@code log(Phi(z))}, accurate in both tails. */
    static double logNdtr(double z) {
        if (z >= 0) {
            return Math.log1p(-0.5 * erfc(z * SQRT1_2));
        }
        return LOG_HALF + logErfc(-z * SQRT1_2);
    }

    /** {@code log(1 - exp(x))} for {@code x <= 0}. */
    static double log1mexp(double x) {
        return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    /** {@code log(exp(a) + exp(b))}. */
    static double logAddExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /**
     * {@code log(Phi(b) - Phi(a))}, the log mass of {@code [a, b]} under the standard normal, for
     * {@code a <= b}; {@code -inf} only when {@code a == b}.
     */
    static double logGaussMass(double a, double b) {
        if (!(a < b)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (b <= 0) {
            double lb = logNdtr(b);
            return lb + log1mexp(logNdtr(a) - lb);
        }
        if (a >= 0) {
            return logGaussMass(-b, -a);
        }
        // a < 0 < b: one minus the two tails, each at most 1/2
        return Math.log1p(-ndtr(a) - ndtr(-b));
    }

    /**
     * {@link #logGaussMass} for the truncation interval of a kernel, which usually holds the
     * kernel's mean well inside: a tail more than 9 standard deviations away weighs under 1.2e-19
     * and changes {@code log(1 - tails)} by as little, which vanishes against any kernel log
     * density, so it is left out instead of costing an erfc (both out: 0).
     */
    static double logCentralMass(double a, double b) {
        if (a <= -9) {
            return b >= 9 ? 0 : logNdtr(b); // only the upper tail counts
        }
        if (b >= 9) {
            return logNdtr(-a);
        }
        return logGaussMass(a, b);
    }

    /** {@code log(phi(z))}, the standard normal log density. */
    static double logPhi(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /**
     * The {@code z} with {@code log(Phi(z)) = y} for {@code y <= 0}: a rational first guess
     * (Abramowitz-Stegun 26.2.23) refined by Newton steps on {@code log(Phi)}, which is concave,
     * so the steps converge from either side.
     */
    static double inverseLogNdtr(double y) {
        if (y >= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (y > LOG_HALF) {
            // upper half: solve in the complement, where the tail probability is exact
            return -inverseLowerHalf(log1mexp(y));
        }
        return inverseLowerHalf(y);
    }

    /** The {@code z <= 0} with {@code log(Phi(z)) = y}, for {@code y <= log(1/2)}. */
    private static double inverseLowerHalf(double y) {
        double t = Math.sqrt(-2 * y);
        double x = -(t
                - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
        for (int i = 0; i < 50; i++) {
            double l = logNdtr(x);
            double step = (l - y) / Math.exp(logPhi(x) - l);
            x -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /**
     * The {@code q}-quantile of the standard normal truncated to {@code [a, b]}, computed in log
     * space so that intervals deep in a tail still give values inside {@code [a, b]}.
     */
    static double truncatedPpf(double q, double a, double b) {
        double x;
        if (a >= 0) {
            // mirror into the left tail, where log Phi is accurate
            x = -leftPpf(1 - q, -b, -a);
        } else {
            x = leftPpf(q, a, b);
        }
        return Math.min(Math.max(x, a), b);
    }

    /**
     * The truncated quantile for {@code a < 0}. When the interval is at least half a standard
     * deviation wide (so its mass has no cancellation) and the target probability is a normal
     * double, the quantile comes straight from {@link #lowerQuantile} of the lower tail mass, or of
     * the upper one above the median: one pass of AS 241 instead of Newton steps on log Phi. Other
     * intervals (deep in a tail, or narrow) take the log-space path.
     */
    private static double leftPpf(double q, double a, double b) {
        if (b - a >= 0.5) {
            double lower = ndtr(a);
            if (b <= 0) {
                double p = lower + q * (ndtr(b) - lower);
                if (p >= MIN_LINEAR) {
                    return lowerQuantile(p);
                }
            } else {
                double upper = ndtr(-b);
                double mass = (1 - lower) - upper;
                double p = lower + q * mass;
                if (p <= 0.5) {
                    if (p >= MIN_LINEAR) {
                        return lowerQuantile(p);
                    }
                } else {
                    // above the median: the upper tail mass, from the exact 1 - q, keeps its digits
                    double tail = upper + (1 - q) * mass;
                    if (tail >= MIN_LINEAR) {
                        return -lowerQuantile(tail);
                    }
                }
            }
        }
        return logSpacePpf(q, a, b);
    }

    /**
     * {@code Phi^-1(p)} for {@code 0 < p <= 1/2} by Wichura's AS 241, accurate to about one part
     * in 1e16.
     */
    static double lowerQuantile(double p) {
        double q = p - 0.5;
        if (q >= -0.425) {
            double r = 0.180625 - q * q;
            return q * poly(AS_A, r) / poly(AS_B, r);
        }
        double r = Math.sqrt(-Math.log(p));
        if (r <= 5) {
            r -= 1.6;
            return -poly(AS_C, r) / poly(AS_D, r);
        }
        r -= 5;
        return -poly(AS_E, r) / poly(AS_F, r);
    }

    /** The truncated quantile through log Phi, for intervals deep in the lower tail or narrow. */
    static double logSpacePpf(double q, double a, double b) {
        double logMass = logGaussMass(a, b);
        double target = logAddExp(logNdtr(a), Math.log(q) + logMass);
        return inverseLogNdtr(Math.min(target, 0));
    }

    /** Terms this far (in log units) below the largest change a log-sum-exp by less than {@code n e^-60}. */
    static final double NEGLIGIBLE = 60;

    /** {@code log(sum(exp(x[i])))} over {@code x[0..n)}; {@code -inf} if all are. */
    static double logSumExp(double[] x, int n) {
        return logSumExp(x, null, n);
    }

    /**
     * {@code log(sum(exp(x[k])))} over {@code k} in {@code active[0..count)} (all of
     * {@code x[0..count)} if {@code active} is null), skipping the exp of terms more than
     * {@link #NEGLIGIBLE} below the largest.
     */
    static double logSumExp(double[] x, int[] active, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            max = Math.max(max, x[active == null ? j : active[j]]);
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double cut = max - NEGLIGIBLE;
        double sum = 0;
        for (int j = 0; j < count; j++) {
            double v = x[active == null ? j : active[j]];
            if (v > cut) {
                sum += Math.exp(v - max);
            }
        }
        return max + Math.log(sum);
    }
}
