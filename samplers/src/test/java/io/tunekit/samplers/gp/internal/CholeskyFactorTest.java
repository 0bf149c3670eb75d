package io.tunekit.samplers.gp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.junit.jupiter.api.Test;

class CholeskyFactorTest {

    /** A random symmetric positive definite matrix A A^T + n I. */
    private static DMatrixRMaj spd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = random.nextDouble() - 0.5;
        }
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(a, a, c);
        for (int i = 0; i < n; i++) {
            c.add(i, i, n);
        }
        return c;
    }

    @Test
    void solvesInvertsAndGivesTheLogDeterminant() {
        DMatrixRMaj c = spd(7, 1);
        CholeskyFactor factor = CholeskyFactor.decompose(c.copy());
        double[] b = {1, -2, 0.5, 3, 0, -1, 2};

        double[] solved = b.clone();
        factor.solve(solved);
        DMatrixRMaj product = new DMatrixRMaj(7, 1);
        CommonOps_DDRM.mult(c, new DMatrixRMaj(7, 1, true, solved), product);
        assertThat(product.data).containsExactly(b, within(1e-12));

        DMatrixRMaj inverse = symmetric(factor.inverseLowerTriangle());
        DMatrixRMaj identity = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.mult(c, inverse, identity);
        assertThat(identity.data).containsExactly(CommonOps_DDRM.identity(7).data, within(1e-12));

        assertThat(2 * factor.halfLogDeterminant()).isCloseTo(Math.log(CommonOps_DDRM.det(c)), within(1e-12));

        // |L^-1 b|^2 = b^T C^-1 b
        double[] forward = b.clone();
        factor.forwardSolve(forward);
        double quadratic = 0;
        double check = 0;
        for (int i = 0; i < 7; i++) {
            quadratic += forward[i] * forward[i];
            check += b[i] * solved[i];
        }
        assertThat(quadratic).isCloseTo(check, within(1e-12));
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        DMatrixRMaj indefinite = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});

        assertThat(CholeskyFactor.decompose(indefinite)).isNull();
    }

    @Test
    void forwardSolveOfManyColumnsEqualsOneColumnAtATime() {
        int n = 9;
        int columns = 5;
        CholeskyFactor factor = CholeskyFactor.decompose(spd(n, 3));
        SplittableRandom random = new SplittableRandom(4);
        double[][] block = new double[n][columns];
        for (double[] row : block) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble() * 4 - 2;
            }
        }
        double[][] single = new double[columns][n];
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < n; i++) {
                single[j][i] = block[i][j];
            }
            factor.forwardSolve(single[j]);
        }

        factor.forwardSolveColumns(block, columns);

        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < n; i++) {
                assertThat(block[i][j]).as("row %s column %s", i, j).isEqualTo(single[j][i]);
            }
        }
    }

    @Test
    void factorAgreesWithEjmlsCholeskyAcrossSeveralTiles() {
        int n = 77; // not a multiple of the 32-wide transpose tiles
        DMatrixRMaj c = spd(n, 12);
        DMatrixRMaj original = c.copy();
        CholeskyDecompositionInner_DDRM ejml = new CholeskyDecompositionInner_DDRM(true);
        assertThat(ejml.decompose(c.copy())).isTrue();
        DMatrixRMaj expected = ejml.getT(null);

        CholeskyFactor factor = CholeskyFactor.decompose(c);

        assertThat(c.data).as("input left unchanged").containsExactly(original.data);
        // L is exposed through its solves: L^-1 e_j, column by column, against EJML's L.
        for (int j = 0; j < n; j += 7) {
            double[] unit = new double[n];
            unit[j] = 1;
            double[] ours = unit.clone();
            factor.forwardSolve(ours);
            double[] theirs = unit.clone();
            TriangularSolver_DDRM.solveL(expected.data, theirs, n);
            assertThat(ours).as("column %d", j).containsExactly(theirs, within(1e-12));
        }
        assertThat(factor.halfLogDeterminant()).isCloseTo(0.5 * Math.log(CommonOps_DDRM.det(original)), within(1e-9));
    }

    @Test
    void inverseAgreesWithEjmlsGeneralInverseOnALargerMatrix() {
        DMatrixRMaj c = spd(37, 9);
        DMatrixRMaj expected = c.copy();
        assertThat(CommonOps_DDRM.invert(expected)).isTrue();

        double[][] lowerTriangle = CholeskyFactor.decompose(c.copy()).inverseLowerTriangle();

        assertThat(lowerTriangle).hasNumberOfRows(37);
        for (int i = 0; i < 37; i++) {
            assertThat(lowerTriangle[i]).as("row %d", i).hasSize(i + 1);
        }
        assertThat(symmetric(lowerTriangle).data).containsExactly(expected.data, within(1e-12));
    }

    /** The full symmetric matrix of a lower triangle given by rows. */
    private static DMatrixRMaj symmetric(double[][] lowerTriangle) {
        int n = lowerTriangle.length;
        DMatrixRMaj full = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                full.set(i, j, lowerTriangle[i][j]);
                full.set(j, i, lowerTriangle[i][j]);
            }
        }
        return full;
    }
}
