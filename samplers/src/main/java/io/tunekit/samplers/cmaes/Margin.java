package io.tunekit.samplers.cmaes;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * The margin of CMA-ES with margin (Hamano, Saito, Nomura and Shirakawa, GECCO 2022), as the
 * {@code cmaes} library's {@code CMAwM}: for each integer or stepped dimension, a scaling
 * {@code A} of the distribution and a shift of the mean keep at least {@code margin} of the
 * probability on each side of the current grid cell, so the search does not freeze on one grid
 * value. Points are sampled as by plain CMA-ES and then mapped onto the grid ({@link #encode});
 * the update uses the unmapped points.
 */
final class Margin {

    /** The grid step of each dimension in the optimizer's space; 0 for a continuous one. */
    private final double[] steps;

    private final double margin;
    /** The scaling of each dimension (1 for continuous ones). */
    private final double[] a;
    /** Per discrete dimension: its grid values and the midpoints between them. */
    private final double[][] grid;

    private final double[][] thresholds;

    Margin(double[] steps, double[] lower, double[] upper, double margin, double[] a) {
        this.steps = steps.clone();
        this.margin = margin;
        this.a = a.clone();
        this.grid = new double[steps.length][];
        this.thresholds = new double[steps.length][];
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] <= 0) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (double v = lower[i]; v < upper[i] + steps[i] / 2; v += steps[i]) {
                values.add(v);
            }
            grid[i] = values.stream().mapToDouble(Double::doubleValue).toArray();
            thresholds[i] = new double[grid[i].length - 1];
            for (int k = 0; k < thresholds[i].length; k++) {
                thresholds[i][k] = (grid[i][k] + grid[i][k + 1]) / 2;
            }
        }
    }

    /** A fresh margin: {@code A = 1}, the library's default margin {@code 1 / (n popsize)}. */
    static Margin initial(double[] steps, double[] lower, double[] upper, int popsize) {
        double[] a = new double[steps.length];
        java.util.Arrays.fill(a, 1.0);
        return new Margin(steps, lower, upper, 1.0 / (steps.length * popsize), a);
    }

    boolean isDiscrete(int i) {
        return grid[i] != null && grid[i].length > 1;
    }

    double[] steps() {
        return steps.clone();
    }

    double margin() {
        return margin;
    }

    double[] scaling() {
        return a.clone();
    }

    /** The grid values of the discrete coordinates of {@code x} (continuous ones unchanged). */
    double[] encode(double[] x, double[] mean) {
        double[] out = x.clone();
        for (int i = 0; i < x.length; i++) {
            if (!isDiscrete(i)) {
                continue;
            }
            double v = (x[i] - mean[i]) * a[i] + mean[i];
            out[i] = grid[i][cell(thresholds[i], v)];
        }
        return out;
    }

    /** How many thresholds lie below {@code v}: the grid cell of {@code v}. */
    private static int cell(double[] thresholds, double v) {
        int k = 0;
        while (k < thresholds.length && thresholds[k] < v) {
            k++;
        }
        return k;
    }

    /**
     * After the CMA-ES update: corrects the mean and {@code A} of each discrete dimension so that
     * the probability of leaving the mean's grid cell on either side is at least half the margin.
     */
    void correct(double[] mean, double sigma, double[] covDiagonal) {
        for (int i = 0; i < mean.length; i++) {
            if (!isDiscrete(i)) {
                continue;
            }
            double m = mean[i];
            int k = cell(thresholds[i], m);
            double[] z = thresholds[i];
            double limLow = k == 0 ? z[0] : z[k - 1];
            double limUp = k == z.length ? z[z.length - 1] : z[k];
            double scale = sigma * a[i] * Math.sqrt(covDiagonal[i]);
            double lowCdf = normCdf((limLow - m) / scale);
            double upCdf = 1.0 - normCdf((limUp - m) / scale);
            double midCdf = 1.0 - (lowCdf + upCdf);
            if (Math.max(lowCdf, upCdf) > 0.5) {
                // the mean sits in an edge cell's outer part: pull it back within reach of the next cell
                if (Math.min(lowCdf, upCdf) < margin) {
                    double sign = Math.signum(m - limUp);
                    double dist = sigma * a[i] * Math.sqrt(chi2Ppf(1.0 - 2.0 * margin) * covDiagonal[i]);
                    mean[i] = limUp + sign * dist;
                }
                continue;
            }
            lowCdf = Math.max(lowCdf, margin / 2.0);
            upCdf = Math.max(upCdf, margin / 2.0);
            double denominator = lowCdf + midCdf + upCdf - 3.0 * margin / 2;
            double rest = 1.0 - lowCdf - upCdf - midCdf;
            double modifiedLow = clip(lowCdf + rest * (lowCdf - margin / 2) / denominator);
            double modifiedUp = clip(upCdf + rest * (upCdf - margin / 2) / denominator);
            double chiLow = Math.sqrt(chi2Ppf(1.0 - 2 * modifiedLow));
            double chiUp = Math.sqrt(chi2Ppf(1.0 - 2 * modifiedUp));
            a[i] = (limUp - limLow) / ((chiLow + chiUp) * sigma * Math.sqrt(covDiagonal[i]));
            mean[i] = (limLow * chiUp + limUp * chiLow) / (chiLow + chiUp);
        }
    }

    private static double clip(double p) {
        return Math.max(1e-10, Math.min(0.5 - 1e-10, p));
    }

    /** The standard normal CDF (as the library: erf near 0, erfc in the tails). */
    static double normCdf(double x) {
        double t = x / Math.sqrt(2);
        if (Math.abs(t) < 1 / Math.sqrt(2)) {
            return 0.5 + 0.5 * Erf.erf(t);
        }
        double y = 0.5 * Erf.erfc(Math.abs(t));
        return t > 0 ? 1.0 - y : y;
    }

    /** The {@code q} quantile of the chi-squared distribution with one degree of freedom. */
    static double chi2Ppf(double q) {
        if (q == 0) {
            return 0.0;
        }
        if (q == 1) {
            return Double.POSITIVE_INFINITY;
        }
        // bisection on erf(sqrt(x / 2)) = q, 100 halvings of [0, 100], as the library
        double lo = 0;
        double hi = 100;
        double mid = 0;
        for (int i = 0; i < 100; i++) {
            mid = (lo + hi) / 2;
            boolean below = q < 0.9 ? Erf.erf(Math.sqrt(mid / 2)) < q : Erf.erfc(Math.sqrt(mid / 2)) > 1.0 - q;
            if (below) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return mid;
    }
}
