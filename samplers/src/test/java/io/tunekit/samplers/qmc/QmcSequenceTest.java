package io.tunekit.samplers.qmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Points of the sequences: plain ones pinned against SciPy (src/test/python/qmc_reference.py). */
class QmcSequenceTest {

    @Test
    void plainSobolPointsAreSciPys() {
        QmcSequence sobol = new QmcSequence(QmcType.SOBOL, Scrambling.NONE, 5, 0);
        assertThat(sobol.point(0)).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(sobol.point(1)).containsExactly(0.5, 0.5, 0.5, 0.5, 0.5);
        assertThat(sobol.point(2)).containsExactly(0.75, 0.25, 0.25, 0.25, 0.75);
        assertThat(sobol.point(7)).containsExactly(0.125, 0.625, 0.375, 0.125, 0.125);
        assertThat(sobol.point(100)).containsExactly(0.4140625, 0.2578125, 0.7734375, 0.7265625, 0.8828125);
        assertThat(sobol.point(1000))
                .containsExactly(0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375);
        assertThat(sobol.point(123456))
                .containsExactly(
                        0.02649688720703125,
                        0.18274688720703125,
                        0.30725860595703125,
                        0.45030975341796875,
                        0.16918182373046875);
        // out of order and again: the index alone decides the point
        assertThat(sobol.point(2)).containsExactly(0.75, 0.25, 0.25, 0.25, 0.75);
    }

    @Test
    void plainHaltonPointsAreSciPys() {
        QmcSequence halton = new QmcSequence(QmcType.HALTON, Scrambling.NONE, 3, 0);
        assertThat(halton.point(0)).containsExactly(0.0, 0.0, 0.0);
        assertThat(halton.point(1)).containsExactly(0.5, 0.3333333333333333, 0.2);
        assertThat(halton.point(5)[0]).isEqualTo(0.625);
        assertThat(halton.point(5)[1]).isCloseTo(0.7777777777777777, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(halton.point(100)[2]).isCloseTo(0.032, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(halton.point(1000)[1]).isCloseTo(0.3475080018289895, org.assertj.core.data.Offset.offset(1e-15));
    }

    /** The first b^m points of each coordinate fall one in each interval [k/b^m, (k+1)/b^m). */
    private static void assertStratified(QmcSequence seq, int dim, int base, int m) {
        int n = (int) Math.pow(base, m);
        Set<Long> cells = new HashSet<>();
        for (int i = 0; i < n; i++) {
            double x = seq.point(i)[dim];
            assertThat(x).isBetween(0.0, 1.0).isLessThan(1.0);
            cells.add((long) Math.floor(x * n + 1e-9)); // Halton points are k/b^m up to rounding
        }
        assertThat(cells).hasSize(n);
    }

    @Test
    void scramblingKeepsEachCoordinateStratified() {
        for (long seed = 0; seed < 3; seed++) {
            QmcSequence owen = new QmcSequence(QmcType.SOBOL, Scrambling.OWEN, 6, seed);
            QmcSequence shift = new QmcSequence(QmcType.SOBOL, Scrambling.DIGITAL_SHIFT, 6, seed);
            QmcSequence halton = new QmcSequence(QmcType.HALTON, Scrambling.OWEN, 4, seed);
            for (int d = 0; d < 6; d++) {
                assertStratified(owen, d, 2, 8);
                assertStratified(shift, d, 2, 8);
            }
            int[] bases = {2, 3, 5, 7};
            for (int d = 0; d < 4; d++) {
                assertStratified(halton, d, bases[d], 3);
            }
        }
    }

    @Test
    void scrambledSobolIsATwoDimensionalNetToo() {
        // (0, m, 2)-net: the first 2^m points of dimensions 1 and 2 put one point in each of the
        // 2^m boxes of every shape 2^-a x 2^-(m-a); linear scrambling with a shift keeps that.
        QmcSequence owen = new QmcSequence(QmcType.SOBOL, Scrambling.OWEN, 2, 7);
        int m = 8;
        int n = 1 << m;
        for (int a = 0; a <= m; a++) {
            Set<Long> boxes = new HashSet<>();
            for (int i = 0; i < n; i++) {
                double[] p = owen.point(i);
                boxes.add((long) Math.floor(p[0] * (1 << a)) * n + (long) Math.floor(p[1] * (1 << (m - a))));
            }
            assertThat(boxes).as("boxes 2^-%d x 2^-%d", a, m - a).hasSize(n);
        }
    }

    @Test
    void theSeedDecidesTheScrambling() {
        QmcSequence a = new QmcSequence(QmcType.SOBOL, Scrambling.OWEN, 3, 1);
        QmcSequence b = new QmcSequence(QmcType.SOBOL, Scrambling.OWEN, 3, 1);
        QmcSequence c = new QmcSequence(QmcType.SOBOL, Scrambling.OWEN, 3, 2);
        assertThat(a.point(5)).containsExactly(b.point(5));
        assertThat(a.point(5)).isNotEqualTo(c.point(5));
        assertThat(a.point(0)).isNotEqualTo(new double[3]);
    }

    @Test
    void haltonHasNoDigitalShift() {
        assertThatThrownBy(() -> new QmcSequence(QmcType.HALTON, Scrambling.DIGITAL_SHIFT, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DIGITAL_SHIFT");
    }
}
