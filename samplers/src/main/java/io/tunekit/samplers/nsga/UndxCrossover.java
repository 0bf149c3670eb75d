package io.tunekit.samplers.nsga;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Unimodal normal distribution crossover UNDX (Kita, Ono and Kobayashi 1999) with three parents,
 * as Optuna implements it: the child is the midpoint of the first two parents, plus a normal step
 * {@code xi} along the line between them, plus normal steps {@code eta_i} along an orthonormal
 * basis of the directions orthogonal to that line, scaled by the third parent's distance from it.
 *
 * <p>As in Optuna, the standard deviations of {@code xi} and {@code eta_i} are
 * {@code sigmaXi^2} and {@code sigmaEta^2} (the arguments are passed as variances where NumPy
 * expects a standard deviation), so that the same arguments give the same children as Optuna.
 *
 * @param sigmaXi spread along the parents' line (Optuna's default 0.5)
 * @param sigmaEta spread across it; empty: Optuna's {@code 0.35 / sqrt(dimensions)}
 */
public record UndxCrossover(double sigmaXi, OptionalDouble sigmaEta) implements Crossover {

    /** Validates the spreads. */
    public UndxCrossover {
        if (!(sigmaXi >= 0) || Double.isInfinite(sigmaXi)) {
            throw new IllegalArgumentException("UndxCrossover: sigmaXi=" + sigmaXi + " must be finite and >= 0");
        }
        if (sigmaEta.isPresent() && (!(sigmaEta.getAsDouble() >= 0) || Double.isInfinite(sigmaEta.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "UndxCrossover: sigmaEta=" + sigmaEta.getAsDouble() + " must be finite and >= 0");
        }
    }

    /** Optuna's defaults. */
    public UndxCrossover() {
        this(0.5, OptionalDouble.empty());
    }

    @Override
    public int parents() {
        return 3;
    }

    @Override
    public double[] crossover(double[][] parents, RandomGenerator random, double[][] bounds, boolean multiObjective) {
        int n = bounds.length;
        double[] x1 = parents[0];
        double[] x2 = parents[1];
        double[] x3 = parents[2];
        double sEta = sigmaEta.orElse(0.35 / Math.sqrt(n));
        double[] etas = Draws.normals(random, sEta * sEta, n);
        double xi = sigmaXi * sigmaXi * random.nextGaussian();
        double[] child = new double[n];
        for (int d = 0; d < n; d++) {
            child[d] = (x1[d] + x2[d]) / 2 + xi * (x1[d] - x2[d]);
        }
        if (n == 1) {
            return child;
        }
        double[] e12 = unitFromTo(x1, x2);
        double[][] q = orthonormalBasis(e12);
        double distance = distanceFromLine(x1, x3, e12);
        double[] across = new double[n];
        for (int i = 0; i < n - 1; i++) {
            for (int d = 0; d < n; d++) {
                across[d] += etas[i] * q[d][i + 1];
            }
        }
        for (int d = 0; d < n; d++) {
            child[d] += distance * across[d];
        }
        return child;
    }

    private static double[] unitFromTo(double[] a, double[] b) {
        double[] v = new double[a.length];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] = b[d] - a[d];
            norm += v[d] * v[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-10);
        for (int d = 0; d < v.length; d++) {
            v[d] /= norm;
        }
        return v;
    }

    /** The length of the part of {@code x3 - x1} orthogonal to the unit vector {@code e}. */
    private static double distanceFromLine(double[] x1, double[] x3, double[] e) {
        int n = e.length;
        double[] v = new double[n];
        double dot = 0;
        for (int d = 0; d < n; d++) {
            v[d] = x3[d] - x1[d];
            dot += v[d] * e[d];
        }
        double norm = 0;
        for (int d = 0; d < n; d++) {
            double o = v[d] - dot * e[d];
            norm += o * o;
        }
        return Math.sqrt(norm);
    }

    /**
     * The Q factor of the matrix whose first column is {@code e} (if it is not zero) and whose
     * other columns are the unit vectors, by Householder reflections with LAPACK's conventions
     * (as NumPy's {@code qr}), so that columns 1.. are the same orthonormal basis of the
     * complement of {@code e} as Optuna's, signs included.
     */
    static double[][] orthonormalBasis(double[] e) {
        int n = e.length;
        double[][] a = new double[n][n];
        boolean zero = true;
        for (int d = 0; d < n; d++) {
            a[d][d] = 1;
            zero &= e[d] == 0;
        }
        if (!zero) {
            for (int d = 0; d < n; d++) {
                a[d][0] = e[d];
            }
        }
        double[][] v = new double[n][];
        double[] tau = new double[n];
        for (int j = 0; j < n; j++) {
            double alpha = a[j][j];
            double xnorm = 0;
            for (int i = j + 1; i < n; i++) {
                xnorm = Math.hypot(xnorm, a[i][j]);
            }
            if (xnorm == 0) {
                continue; // H_j = I
            }
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            double[] vj = new double[n];
            vj[j] = 1;
            for (int i = j + 1; i < n; i++) {
                vj[i] = a[i][j] / (alpha - beta);
            }
            v[j] = vj;
            reflect(a, vj, tau[j], j, j);
        }
        double[][] q = new double[n][n];
        for (int d = 0; d < n; d++) {
            q[d][d] = 1;
        }
        for (int j = n - 1; j >= 0; j--) {
            if (v[j] != null) {
                reflect(q, v[j], tau[j], j, 0);
            }
        }
        return q;
    }

    /** {@code m[rows j.., cols c0..] -= tau v (v^T m)}. */
    private static void reflect(double[][] m, double[] v, double tau, int j, int c0) {
        int n = m.length;
        for (int c = c0; c < n; c++) {
            double dot = 0;
            for (int i = j; i < n; i++) {
                dot += v[i] * m[i][c];
            }
            double s = tau * dot;
            for (int i = j; i < n; i++) {
                m[i][c] -= s * v[i];
            }
        }
    }
}
