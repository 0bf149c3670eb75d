package io.tunekit.samplers.gp.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;

/**
 * The Cholesky factor {@code L} of a symmetric positive definite matrix {@code C = L L^T}, with
 * the solves the GP needs (EJML's triangular solves, plus a factorisation, a multi-column forward
 * solve and an inverse written as row updates the JIT vectorises). Immutable after construction;
 * the methods write only to their arguments, so one factor may serve several threads.
 */
public final class CholeskyFactor {

    private final int n;
    /** L, row-major (the lower triangle of EJML's factor). */
    private final double[] lower;

    private CholeskyFactor(int n, double[] lower) {
        this.n = n;
        this.lower = lower;
    }

    /**
     * Factors {@code matrix} (left unchanged; only its upper triangle is read).
     *
     * <p>Right-looking, on the rows of {@code U = L^T}: after row k is scaled, every later row i
     * takes {@code U_i -= U_ki U_k} over its columns, a row update on two separate arrays that the
     * JIT vectorises. EJML's {@code CholeskyDecompositionInner_DDRM} computes each entry as a dot
     * product, which it cannot vectorise, and took twice as long at n = 300, where the kernel fit
     * factors a matrix at every evaluation. L is then written row-major by 32 x 32 tiles, so the
     * transpose stays in the cache.
     *
     * @return the factor, or {@code null} if the matrix is not positive definite in double precision
     */
    public static CholeskyFactor decompose(DMatrixRMaj matrix) {
        int n = matrix.numRows;
        if (matrix.numCols != n) {
            throw new IllegalArgumentException("a square matrix needed, got " + n + " x " + matrix.numCols);
        }
        double[] c = matrix.data;
        // upper[k][j - k] = U_kj for j >= k.
        double[][] upper = new double[n][];
        for (int k = 0; k < n; k++) {
            upper[k] = new double[n - k];
            System.arraycopy(c, k * n + k, upper[k], 0, n - k);
        }
        for (int k = 0; k < n; k++) {
            double[] pivotRow = upper[k];
            double pivot = pivotRow[0];
            if (!(pivot > 0) || Double.isInfinite(pivot)) {
                return null;
            }
            double diagonal = Math.sqrt(pivot);
            pivotRow[0] = diagonal;
            double scale = 1 / diagonal;
            for (int j = 1; j < pivotRow.length; j++) {
                pivotRow[j] *= scale;
            }
            for (int i = k + 1; i < n; i++) {
                double factor = pivotRow[i - k];
                double[] target = upper[i];
                int offset = i - k;
                for (int j = 0; j < target.length; j++) {
                    target[j] -= factor * pivotRow[offset + j];
                }
            }
        }
        double[] lower = new double[n * n];
        int tile = 32;
        for (int k0 = 0; k0 < n; k0 += tile) {
            for (int i0 = k0; i0 < n; i0 += tile) {
                for (int k = k0; k < Math.min(k0 + tile, n); k++) {
                    double[] row = upper[k];
                    for (int i = Math.max(i0, k); i < Math.min(i0 + tile, n); i++) {
                        lower[i * n + k] = row[i - k];
                    }
                }
            }
        }
        return new CholeskyFactor(n, lower);
    }

    /** The order of the matrix. */
    public int size() {
        return n;
    }

    /** {@code sum_i log L_ii = 1/2 log det C}. */
    public double halfLogDeterminant() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(lower[i * n + i]);
        }
        return sum;
    }

    /** {@code b := L^-1 b}. */
    public void forwardSolve(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
    }

    /**
     * {@code B := L^-1 B} for an {@code n x columns} matrix B given as rows (row i is
     * {@code rows[i][0..columns)}), i.e. a forward solve of every column at once. EJML's
     * multi-column {@code solveL} walks one column at a time with a stride; this one updates whole
     * rows ({@code B_i -= L_ik B_k}), loops over two distinct arrays that the JIT vectorises (a
     * single flat array defeats it: it cannot prove two rows of one array independent). The
     * operations on each column are those of {@link #forwardSolve}, in the same order, so each
     * column's result is bit for bit the same.
     */
    public void forwardSolveColumns(double[][] rows, int columns) {
        double[] lower = this.lower; // locals: see inverseLowerTriangle
        int n = this.n;
        if (rows.length < n) {
            throw new IllegalArgumentException("a right-hand side of " + n + " rows needed, got " + rows.length);
        }
        for (int i = 0; i < n; i++) {
            double[] target = rows[i];
            for (int k = 0; k < i; k++) {
                double l = lower[i * n + k];
                double[] source = rows[k];
                for (int j = 0; j < columns; j++) {
                    target[j] -= l * source[j];
                }
            }
            double diagonal = lower[i * n + i];
            for (int j = 0; j < columns; j++) {
                target[j] /= diagonal;
            }
        }
    }

    /** {@code b := C^-1 b}. */
    public void solve(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
        TriangularSolver_DDRM.solveTranL(lower, b, n);
    }

    /**
     * The lower triangle of {@code C^-1 = L^-T L^-1}, by rows: row i holds {@code (C^-1)_ij} for
     * {@code j <= i} (the matrix is symmetric). EJML's {@code invert} solves against every column
     * of the identity without using the zeros, about {@code n^3} multiply-adds; here the triangle
     * is inverted row by row and the outer products of its rows are summed into the lower
     * triangle, about {@code n^3 / 3}. Both steps are row updates {@code target[j] += a * source[j]}
     * on separate row arrays, which the JIT vectorises. Only the triangle is returned, which is
     * all the kernel fit's gradient (its caller, at every gradient) reads.
     */
    public double[][] inverseLowerTriangle() {
        // The fields read into locals: with the loops reading this.lower and this.n, C2 left the
        // loads in the inner loops and the method took 5.7 ms instead of 1.7 ms at n = 300.
        double[] lower = this.lower;
        int n = this.n;
        // Row i of L^-1 (zero beyond column i): X_i = (e_i - sum_{k<i} L_ik X_k) / L_ii.
        double[][] lowerInverse = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[i + 1];
            for (int k = 0; k < i; k++) {
                double l = lower[i * n + k];
                double[] source = lowerInverse[k];
                for (int j = 0; j <= k; j++) {
                    row[j] -= l * source[j];
                }
            }
            row[i] += 1;
            double diagonal = lower[i * n + i];
            for (int j = 0; j <= i; j++) {
                row[j] /= diagonal;
            }
            lowerInverse[i] = row;
        }
        // (L^-T L^-1)_ij = sum_k Linv_ki Linv_kj over k >= max(i, j); lower triangle by rows.
        double[][] inverse = new double[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = new double[i + 1];
        }
        for (int k = 0; k < n; k++) {
            double[] source = lowerInverse[k];
            for (int i = 0; i <= k; i++) {
                double a = source[i];
                double[] target = inverse[i];
                for (int j = 0; j <= i; j++) {
                    target[j] += a * source[j];
                }
            }
        }
        return inverse;
    }
}
