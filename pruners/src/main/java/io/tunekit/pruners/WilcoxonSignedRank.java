package io.tunekit.pruners;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The one-sided Wilcoxon signed-rank test of paired differences {@code d} against a zero median,
 * with zeros handled as SciPy's {@code zero_method="zsplit"}: zeros are ranked with the other
 * absolute differences and half of each zero's rank counts towards {@code R+}.
 *
 * <p>Up to {@value #EXACT_MAX_SIZE} differences the p-value is exact: the null distribution of
 * {@code R+} is that of a random sign on each non-zero difference, keeping its (average, for
 * ties) rank, enumerated by dynamic programming over doubled ranks. Without ties or zeros this is
 * SciPy's {@code method="exact"}; with them it is the exact permutation distribution SciPy's
 * {@code PermutationMethod} enumerates. Beyond, it is SciPy's normal approximation with the tie
 * correction and no continuity correction ({@code wilcoxon}'s defaults).
 *
 * <p>One difference from SciPy 1.17's {@code method="auto"}, which Optuna uses: with ties or
 * zeros, SciPy enumerates only up to 13 differences and takes the normal approximation from 14
 * on; here the exact distribution is used up to 50 in every case.
 *
 * <p>Commons Math's {@code WilcoxonSignedRankTest} is two-sided only and exact only up to 30
 * pairs, so only its ranking and normal distribution are used here.
 */
final class WilcoxonSignedRank {

    /** The largest sample size for which the exact distribution is used. */
    static final int EXACT_MAX_SIZE = 50;

    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** The alternative hypothesis on the median of the differences. */
    enum Alternative {
        /** The differences tend to be positive. */
        GREATER,
        /** The differences tend to be negative. */
        LESS
    }

    private WilcoxonSignedRank() {}

    /**
     * The p-value of the one-sided test.
     *
     * @throws IllegalArgumentException if {@code d} is empty or holds a NaN
     */
    static double pValue(double[] d, Alternative alternative) {
        if (d.length == 0) {
            throw new IllegalArgumentException("the signed-rank test needs at least one difference");
        }
        double[] magnitudes = Arrays.stream(d).map(Math::abs).toArray();
        double[] ranks = RANKING.rank(magnitudes);
        return d.length <= EXACT_MAX_SIZE ? exact(d, ranks, alternative) : normal(d, ranks, magnitudes, alternative);
    }

    private static double exact(double[] d, double[] ranks, Alternative alternative) {
        // Average ranks are multiples of 1/2: doubled, they are integers and R+ a subset sum.
        int nonZero = 0;
        int total = 0;
        int observed = 0;
        int[] doubled = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                doubled[nonZero] = (int) Math.round(2 * ranks[i]);
                total += doubled[nonZero];
                if (d[i] > 0) {
                    observed += doubled[nonZero];
                }
                nonZero++;
            }
        }
        // ways[s]: the number of sign assignments whose positive doubled ranks sum to s. At most
        // 2^50 in all, so longs are exact and so is the final division by 2^nonZero.
        long[] ways = new long[total + 1];
        ways[0] = 1;
        int reach = 0;
        for (int i = 0; i < nonZero; i++) {
            int r = doubled[i];
            reach += r;
            for (int s = reach; s >= r; s--) {
                ways[s] += ways[s - r];
            }
        }
        long tail = 0;
        if (alternative == Alternative.GREATER) {
            for (int s = observed; s <= total; s++) {
                tail += ways[s];
            }
        } else {
            for (int s = 0; s <= observed; s++) {
                tail += ways[s];
            }
        }
        return Math.scalb((double) tail, -nonZero);
    }

    private static double normal(double[] d, double[] ranks, double[] magnitudes, Alternative alternative) {
        int n = d.length;
        double rPlus = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                rPlus += ranks[i];
            } else if (d[i] == 0) {
                rPlus += ranks[i] / 2;
            }
        }
        double[] sorted = magnitudes.clone();
        Arrays.sort(sorted);
        double tieCorrection = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && sorted[end] == sorted[start]) {
                end++;
            }
            double t = end - start;
            tieCorrection += t * t * t - t;
            start = end;
        }
        double mean = n * (n + 1.0) * 0.25;
        double se = Math.sqrt((n * (n + 1.0) * (2.0 * n + 1.0) - tieCorrection / 2) / 24);
        double z = (rPlus - mean) / se;
        return alternative == Alternative.GREATER
                ? STANDARD_NORMAL.cumulativeProbability(-z)
                : STANDARD_NORMAL.cumulativeProbability(z);
    }
}
