package io.tunekit.samplers.qmc;

import java.util.SplittableRandom;
import org.apache.commons.math3.primes.Primes;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Point {@code i} of a (scrambled) Sobol or Halton sequence in {@code [0, 1)^d}. The sequences
 * are Commons Math's; the scrambling is drawn once from the seed. Thread-safe: the generators
 * are stateful, so every point is computed under the instance's lock.
 */
final class QmcSequence {

    /** Commons Math's Sobol values are integers over 2^52. */
    private static final int BITS = 52;

    private static final double SCALE = 0x1p52;

    private final QmcType type;
    private final Scrambling scrambling;
    private final int dimension;
    private final SobolSequenceGenerator sobol;
    private final HaltonSequenceGenerator halton;
    /** Sobol linear matrix scrambling: row j of dimension k, as a bit mask over the input bits. */
    private final long[][] matrixRows;
    /** Sobol digital shift per dimension. */
    private final long[] shifts;

    QmcSequence(QmcType type, Scrambling scrambling, int dimension, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("QmcSequence: dimension=" + dimension + " must be >= 1");
        }
        if (type == QmcType.HALTON && scrambling == Scrambling.DIGITAL_SHIFT) {
            throw new IllegalArgumentException(
                    "QmcSampler: scrambling DIGITAL_SHIFT is for Sobol; use OWEN or NONE with Halton");
        }
        this.type = type;
        this.scrambling = scrambling;
        this.dimension = dimension;
        SplittableRandom random = new SplittableRandom(seed);
        if (type == QmcType.SOBOL) {
            if (dimension > 1000) {
                throw new IllegalArgumentException(
                        "QmcSampler: Sobol supports at most 1000 dimensions, not " + dimension);
            }
            this.sobol = new SobolSequenceGenerator(dimension);
            this.halton = null;
            this.matrixRows = scrambling == Scrambling.OWEN ? randomLowerTriangular(random) : null;
            this.shifts = new long[dimension];
            if (scrambling != Scrambling.NONE) {
                for (int k = 0; k < dimension; k++) {
                    shifts[k] = random.nextLong() >>> (64 - BITS);
                }
            }
        } else {
            int[] bases = new int[dimension];
            int[] weights = new int[dimension];
            int p = 2;
            for (int k = 0; k < dimension; k++) {
                bases[k] = p;
                // a multiplier in 1..p-1 permutes the digits 0..p-1 and keeps 0 in place
                weights[k] = scrambling == Scrambling.OWEN && p > 2 ? 1 + random.nextInt(p - 1) : 1;
                p = Primes.nextPrime(p + 1);
            }
            this.halton = new HaltonSequenceGenerator(dimension, bases, weights);
            this.sobol = null;
            this.matrixRows = null;
            this.shifts = null;
        }
    }

    int dimension() {
        return dimension;
    }

    /** Point {@code index} (0 is the first) of the sequence. */
    synchronized double[] point(long index) {
        if (index < 0 || index > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("QmcSampler: sample index " + index + " is outside the sequence");
        }
        if (type == QmcType.HALTON) {
            return halton.skipTo((int) index);
        }
        double[] x = sobol.skipTo((int) index);
        if (scrambling == Scrambling.NONE) {
            return x;
        }
        for (int k = 0; k < dimension; k++) {
            long bits = (long) (x[k] * SCALE);
            if (matrixRows != null) {
                bits = multiply(matrixRows[k], bits);
            }
            x[k] = (bits ^ shifts[k]) / SCALE;
        }
        return x;
    }

    /**
     * Row {@code j} (output bit {@code j}, 0 = most significant) of a random lower-triangular
     * binary matrix with a unit diagonal: input bits 0..j, bit j always set.
     */
    private long[][] randomLowerTriangular(SplittableRandom random) {
        long[][] rows = new long[dimension][BITS];
        for (int k = 0; k < dimension; k++) {
            for (int j = 0; j < BITS; j++) {
                long above = j == 0 ? 0 : (random.nextLong() >>> (64 - j)) << (BITS - j);
                rows[k][j] = above | 1L << (BITS - 1 - j);
            }
        }
        return rows;
    }

    /** The GF(2) product of the matrix with the bit vector {@code x} (most significant bit first). */
    private static long multiply(long[] rows, long x) {
        long out = 0;
        for (int j = 0; j < BITS; j++) {
            out |= (long) (Long.bitCount(rows[j] & x) & 1) << (BITS - 1 - j);
        }
        return out;
    }
}
