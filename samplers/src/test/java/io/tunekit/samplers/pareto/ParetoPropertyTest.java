package io.tunekit.samplers.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The hypervolume sweeps against the WFG recursion, and the ranks against peeling fronts. */
class ParetoPropertyTest {

    private static List<double[]> points(SplittableRandom random, int n, int m, boolean ties) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] p = new double[m];
            for (int k = 0; k < m; k++) {
                p[k] = ties ? random.nextInt(5) : random.nextDouble() * 4;
            }
            out.add(p);
        }
        return out;
    }

    /** The same points with one more objective that is 0 everywhere, against a reference of 1 there. */
    private static double byWfg(List<double[]> points, double[] ref) {
        List<double[]> lifted = new ArrayList<>();
        for (double[] p : points) {
            lifted.add(Arrays.copyOf(p, p.length + 1));
        }
        double[] liftedRef = Arrays.copyOf(ref, ref.length + 1);
        liftedRef[ref.length] = 1;
        return Hypervolume.of(lifted, liftedRef);
    }

    @Property(tries = 200)
    void sweepsAgreeWithTheWfgRecursion(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int n, @ForAll boolean ties) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int m = 2; m <= 3; m++) {
            List<double[]> points = points(random, n, m, ties);
            double[] ref = new double[m];
            Arrays.fill(ref, 3.5);
            double expected = byWfg(points, ref);
            assertThat(Hypervolume.of(points, ref)).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        }
    }

    @Test
    void exactValuesInTwoAndThreeDimensions() {
        List<double[]> two = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1});
        // strips: x in [1,2): y from 3 -> 1 of 4 = 1; x in [2,3): 2; x in [3,4): 3
        assertThat(Hypervolume.of(two, new double[] {4, 4})).isEqualTo(6);
        List<double[]> three = List.of(new double[] {1, 2, 3}, new double[] {2, 1, 2});
        // 3*2*1 + 2*3*2 - overlap (4-2)*(4-2)*(4-3) = 6 + 12 - 4
        assertThat(Hypervolume.of(three, new double[] {4, 4, 4})).isEqualTo(14);
        assertThat(Hypervolume.of(List.of(new double[] {5, 1, 1}), new double[] {4, 4, 4}))
                .isZero();
    }

    /** Rank by repeatedly removing the non-dominated points, the textbook definition. */
    private static int[] peel(double[][] loss) {
        int[] rank = new int[loss.length];
        Arrays.fill(rank, -1);
        int left = loss.length;
        for (int r = 0; left > 0; r++) {
            List<Integer> front = new ArrayList<>();
            for (int i = 0; i < loss.length; i++) {
                if (rank[i] != -1) {
                    continue;
                }
                boolean dominated = false;
                for (int j = 0; j < loss.length; j++) {
                    dominated |= rank[j] == -1 && NonDominatedSort.dominates(loss[j], loss[i]);
                }
                if (!dominated) {
                    front.add(i);
                }
            }
            for (int i : front) {
                rank[i] = r;
            }
            left -= front.size();
        }
        return rank;
    }

    @Property(tries = 200)
    void ranksAreTheFrontsOfRepeatedPeeling(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 4) int m,
            @ForAll boolean ties,
            @ForAll @IntRange(min = 1, max = 60) int enough) {
        double[][] loss = points(new SplittableRandom(seed), n, m, ties).toArray(double[][]::new);
        int[] expected = peel(loss);
        assertThat(NonDominatedSort.ranks(loss)).containsExactly(expected);
        int[] partial = NonDominatedSort.ranks(loss, enough);
        int ranked = 0;
        for (int i = 0; i < n; i++) {
            if (partial[i] != -1) {
                assertThat(partial[i]).isEqualTo(expected[i]);
                ranked++;
            }
        }
        assertThat(ranked).isGreaterThanOrEqualTo(Math.min(enough, n));
    }
}
