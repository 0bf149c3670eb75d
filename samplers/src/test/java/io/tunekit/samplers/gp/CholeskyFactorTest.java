package io.tunekit.samplers.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

        DMatrixRMaj inverse = new DMatrixRMaj(7, 7);
        factor.inverse(inverse);
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
    void inverseAgreesWithEjmlsGeneralInverseOnALargerMatrix() {
        DMatrixRMaj c = spd(37, 9);
        DMatrixRMaj expected = c.copy();
        assertThat(CommonOps_DDRM.invert(expected)).isTrue();
        DMatrixRMaj inverse = new DMatrixRMaj(1, 1);

        CholeskyFactor.decompose(c.copy()).inverse(inverse);

        assertThat(inverse.numRows).isEqualTo(37);
        assertThat(inverse.numCols).isEqualTo(37);
        assertThat(inverse.data).containsExactly(expected.data, within(1e-12));
    }
}
