package io.tunekit.samplers.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The Cholesky factor {@code L} of a symmetric positive definite matrix {@code C = L L^T}, with
 * the solves the GP needs, all done by EJML. Immutable after construction; the solve methods
 * write only to their arguments (except {@link #inverse}, see there).
 */
final class CholeskyFactor {

    private final int n;
    private final LinearSolverChol_DDRM solver;
    /** L, row-major (the lower triangle of EJML's factor). */
    private final double[] lower;

    private CholeskyFactor(int n, LinearSolverChol_DDRM solver, double[] lower) {
        this.n = n;
        this.solver = solver;
        this.lower = lower;
    }

    /**
     * Factors {@code matrix} (which is overwritten).
     *
     * @return the factor, or {@code null} if the matrix is not positive definite in double precision
     */
    static CholeskyFactor decompose(DMatrixRMaj matrix) {
        int n = matrix.numRows;
        LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
        if (!solver.setA(matrix)) {
            return null;
        }
        double[] lower = solver.getDecomposition().getT(null).data;
        for (int i = 0; i < n; i++) {
            if (!(lower[i * n + i] > 0) || Double.isInfinite(lower[i * n + i])) {
                return null;
            }
        }
        return new CholeskyFactor(n, solver, lower);
    }

    /** The order of the matrix. */
    int size() {
        return n;
    }

    /** {@code sum_i log L_ii = 1/2 log det C}. */
    double halfLogDeterminant() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(lower[i * n + i]);
        }
        return sum;
    }

    /** {@code b := L^-1 b}. */
    void forwardSolve(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
    }

    /** {@code b := C^-1 b}. */
    void solve(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
        TriangularSolver_DDRM.solveTranL(lower, b, n);
    }

    /** {@code C^-1}, written to {@code out} (n x n). Uses the solver's work space: not thread-safe. */
    void inverse(DMatrixRMaj out) {
        solver.invert(out);
    }
}
