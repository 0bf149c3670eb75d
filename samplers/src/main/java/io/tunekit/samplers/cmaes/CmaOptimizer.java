package io.tunekit.samplers.cmaes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * One CMA-ES run on a box, as the {@code cmaes} library (0.9.1) computes it: the recombination
 * weights with negative weights for the worse half (active CMA), cumulative step-size adaptation,
 * rank-one and rank-mu covariance updates, sampling with up to {@code nMaxResampling} redraws of
 * points outside the bounds and then clipping (repair), and the library's stopping tests. The
 * separable variant ({@link Variant#SEPARABLE}) keeps a diagonal covariance with the faster
 * learning rates of Ros and Hansen (2008).
 *
 * <p>Mutable and not thread-safe: the study stores its JSON form ({@link #toJson},
 * {@link #fromJson}), and {@link CmaEsSampler} updates a {@link #copy} of the run it read.
 */
final class CmaOptimizer {

    /** Which CMA-ES. */
    enum Variant {
        FULL,
        SEPARABLE
    }

    /** One evaluated point: the point in the optimizer's space and its value (lower is better). */
    record Solution(double[] x, double value) {}

    private static final double EPS = 1e-8;
    private static final double MEAN_MAX = 1e32;
    private static final double SIGMA_MAX = 1e32;
    private static final double TOL_X_UP = 1e4;
    private static final double TOL_FUN = 1e-12;
    private static final double TOL_CONDITION_COV = 1e14;

    private final Variant variant;
    private final int dim;
    private final int popsize;
    private final double[] lower;
    private final double[] upper;
    private final double tolX;
    // the constants of the update, derived from dim and popsize
    private final int mu;
    private final double[] weights;
    private final double muEff;
    private final double cc;
    private final double c1;
    private final double cmu;
    private final double cSigma;
    private final double dSigma;
    private final double chiN;
    private final int funhistTerm;
    // the state
    private int generation;
    private final double[] mean;
    private double sigma;
    /** Full covariance (dim x dim) or its diagonal (1 x dim) for the separable variant. */
    private final double[][] cov;

    private final double[] pc;
    private final double[] pSigma;
    private final double[] funhist;
    /** Learning rate adaptation (Nomura, Akimoto and Ono, 2023): its state, or null. */
    private LearningRates learningRates;
    /** CMA-ES with margin: the discrete dimensions' correction, or null. */
    private Margin margin;
    // eigendecomposition cache: cov = B diag(D^2) B^T (B null for the separable variant)
    private double[][] eigB;
    private double[] eigD;

    /**
     * A fresh run.
     *
     * @param cov the initial covariance (full variant), or {@code null} for the identity
     */
    CmaOptimizer(
            Variant variant, double[] mean, double sigma, double[] lower, double[] upper, int popsize, double[][] cov) {
        this(variant, mean.length, popsize, lower, upper, 1e-12 * sigma);
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("CmaEsSampler: sigma0=" + sigma + " must be > 0");
        }
        for (int i = 0; i < dim; i++) {
            if (!(Math.abs(mean[i]) < MEAN_MAX) || mean[i] < lower[i] || mean[i] > upper[i]) {
                throw new IllegalArgumentException(
                        "CmaEsSampler: the initial mean " + Arrays.toString(mean) + " must lie within the bounds");
            }
        }
        System.arraycopy(mean, 0, this.mean, 0, dim);
        this.sigma = sigma;
        if (variant == Variant.SEPARABLE) {
            Arrays.fill(this.cov[0], 1.0);
        } else if (cov == null) {
            for (int i = 0; i < dim; i++) {
                this.cov[i][i] = 1.0;
            }
        } else {
            for (int i = 0; i < dim; i++) {
                System.arraycopy(cov[i], 0, this.cov[i], 0, dim);
            }
        }
    }

    private CmaOptimizer(Variant variant, int dim, int popsize, double[] lower, double[] upper, double tolX) {
        if (dim < 1) {
            throw new IllegalArgumentException("CmaEsSampler: the search space needs a dimension");
        }
        if (popsize < 2) {
            throw new IllegalArgumentException("CmaEsSampler: popsize=" + popsize + " must be >= 2");
        }
        this.variant = variant;
        this.dim = dim;
        this.popsize = popsize;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.tolX = tolX;
        this.mu = popsize / 2;
        double n = dim;
        if (variant == Variant.SEPARABLE) {
            weights = new double[mu];
            double sum = 0;
            for (int i = 0; i < mu; i++) {
                weights[i] = Math.log(mu + 1) - Math.log(i + 1);
                sum += weights[i];
            }
            double sq = 0;
            for (int i = 0; i < mu; i++) {
                weights[i] /= sum;
                sq += weights[i] * weights[i];
            }
            muEff = 1 / sq;
            c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
            double cmuFull = 2 / muEff / ((n + Math.sqrt(2)) * (n + Math.sqrt(2)))
                    + (1 - 1 / muEff) * Math.min(1, (2 * muEff - 1) / ((n + 2) * (n + 2) + muEff));
            cmu = (n + 2) / 3 * cmuFull;
            cSigma = (muEff + 2) / (n + muEff + 3);
            cc = 4 / (n + 4);
        } else {
            double[] prime = new double[popsize];
            for (int i = 0; i < popsize; i++) {
                prime[i] = Math.log((popsize + 1) / 2.0) - Math.log(i + 1);
            }
            double sumPos = 0;
            double sqPos = 0;
            double sumNeg = 0;
            double sqNeg = 0;
            for (int i = 0; i < popsize; i++) {
                if (i < mu) {
                    sumPos += prime[i];
                    sqPos += prime[i] * prime[i];
                } else {
                    sumNeg += prime[i];
                    sqNeg += prime[i] * prime[i];
                }
            }
            muEff = sumPos * sumPos / sqPos;
            double muEffMinus = sqNeg == 0 ? 0 : sumNeg * sumNeg / sqNeg;
            c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
            cmu = Math.min(1 - c1 - 1e-8, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + 2 * muEff / 2));
            double minAlpha =
                    Math.min(1 + c1 / cmu, Math.min(1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cmu) / (n * cmu)));
            double positiveSum = 0;
            double negativeSum = 0;
            for (double w : prime) {
                if (w > 0) {
                    positiveSum += w;
                } else if (w < 0) {
                    negativeSum += -w;
                }
            }
            weights = new double[popsize];
            for (int i = 0; i < popsize; i++) {
                weights[i] = prime[i] >= 0 ? prime[i] / positiveSum : minAlpha / negativeSum * prime[i];
            }
            cSigma = (muEff + 2) / (n + muEff + 5);
            cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        }
        dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        chiN = Math.sqrt(n) * (1.0 - 1.0 / (4.0 * n) + 1.0 / (21.0 * n * n));
        funhistTerm = 10 + (int) Math.ceil(30 * n / popsize);
        mean = new double[dim];
        cov = variant == Variant.SEPARABLE ? new double[1][dim] : new double[dim][dim];
        pc = new double[dim];
        pSigma = new double[dim];
        funhist = new double[2 * funhistTerm];
    }

    /**
     * Turns this fresh run into CMA-ES with margin for the dimensions with a grid step
     * ({@code steps[i] > 0}, in the optimizer's space).
     */
    void useMargin(double[] steps) {
        this.margin = Margin.initial(steps, lower, upper, popsize);
    }

    /** Turns this fresh run into CMA-ES with learning rate adaptation (full covariance only). */
    void useLearningRateAdaptation() {
        if (variant != Variant.FULL) {
            throw new IllegalArgumentException("CmaEsSampler: learning rate adaptation needs the full CMA-ES");
        }
        this.learningRates = new LearningRates(dim);
    }

    /** The adapted learning rates of the mean and the covariance, or null without adaptation. */
    double[] learningRates() {
        return learningRates == null ? null : new double[] {learningRates.etaMean, learningRates.etaSigma};
    }

    /** The margin correction, or null for plain CMA-ES. */
    Margin margin() {
        return margin;
    }

    /** The default population size {@code 4 + floor(3 ln n)}. */
    static int defaultPopsize(int dim) {
        return 4 + (int) Math.floor(3 * Math.log(dim));
    }

    Variant variant() {
        return variant;
    }

    int dimension() {
        return dim;
    }

    int popsize() {
        return popsize;
    }

    int generation() {
        return generation;
    }

    double sigma() {
        return sigma;
    }

    double[] mean() {
        return mean.clone();
    }

    double[] lower() {
        return lower.clone();
    }

    double[] upper() {
        return upper.clone();
    }

    /** The covariance matrix (the diagonal as a matrix for the separable variant). */
    double[][] covariance() {
        double[][] out = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            if (variant == Variant.SEPARABLE) {
                out[i][i] = cov[0][i];
            } else {
                out[i] = cov[i].clone();
            }
        }
        return out;
    }

    double[] pc() {
        return pc.clone();
    }

    double[] pSigma() {
        return pSigma.clone();
    }

    /**
     * A point of {@code N(mean, sigma^2 C)}: redrawn up to {@code maxResampling} times while it
     * leaves the bounds, then clipped to them.
     */
    double[] ask(RandomGenerator random, int maxResampling) {
        eigen();
        double[] z = new double[dim];
        double[] x = new double[dim];
        for (int attempt = 0; attempt < maxResampling; attempt++) {
            draw(random, z);
            // a point is rejected at its first coordinate out of bounds: the others are not needed
            int i = 0;
            while (i < dim && isFeasible(i, x[i] = coordinate(z, i))) {
                i++;
            }
            if (i == dim) {
                return x;
            }
        }
        draw(random, z);
        for (int i = 0; i < dim; i++) {
            x[i] = coordinate(z, i);
            if (margin == null || !margin.isDiscrete(i)) {
                x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
            }
        }
        return x;
    }

    /** With margin: the grid values a sampled point stands for (the mean and A of this generation). */
    double[] encode(double[] x) {
        return margin == null ? x.clone() : margin.encode(x, mean);
    }

    /** {@code z = D N(0, I)}: {@code dim} standard normal draws, in order, scaled by the eigenvalues' roots. */
    private void draw(RandomGenerator random, double[] z) {
        for (int i = 0; i < dim; i++) {
            z[i] = random.nextGaussian() * eigD[i];
        }
    }

    /** Coordinate {@code i} of the point {@code mean + sigma B z} ({@code B = I} for the separable variant). */
    private double coordinate(double[] z, int i) {
        double y = z[i];
        if (eigB != null) {
            y = 0;
            double[] row = eigB[i];
            for (int j = 0; j < dim; j++) {
                y += row[j] * z[j];
            }
        }
        return mean[i] + sigma * y;
    }

    /** Within the bounds (with margin, only the continuous coordinates are bounded). */
    private boolean isFeasible(int i, double v) {
        return margin != null && margin.isDiscrete(i) || v >= lower[i] && v <= upper[i];
    }

    /** Symmetrises C and computes B and D (D^2 the eigenvalues, negative ones floored at EPS). */
    private void eigen() {
        if (eigD != null) {
            return;
        }
        if (variant == Variant.SEPARABLE) {
            eigD = new double[dim];
            for (int i = 0; i < dim; i++) {
                eigD[i] = Math.sqrt(cov[0][i] < 0 ? EPS : cov[0][i]);
            }
            return;
        }
        DMatrixRMaj c = new DMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double v = (cov[i][j] + cov[j][i]) / 2;
                c.set(i, j, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!eig.decompose(c)) {
            throw new IllegalStateException("CmaEsSampler: the eigendecomposition of the covariance failed");
        }
        // ascending eigenvalues, as numpy's eigh returns them
        Integer[] order = new Integer[dim];
        double[] values = new double[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        eigB = new double[dim][dim];
        eigD = new double[dim];
        for (int k = 0; k < dim; k++) {
            int src = order[k];
            double v = values[src];
            eigD[k] = Math.sqrt(v < 0 ? EPS : v);
            DMatrixRMaj vector = eig.getEigenVector(src);
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                norm += vector.get(i) * vector.get(i);
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                eigB[i][k] = vector.get(i) / norm;
            }
        }
        // C = B diag(D^2) B^T, as the library rebuilds it
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    s += eigB[i][k] * eigD[k] * eigD[k] * eigB[j][k];
                }
                cov[i][j] = s;
                cov[j][i] = s;
            }
        }
    }

    /**
     * Updates the distribution with one generation's {@code popsize} solutions (any order).
     *
     * @throws IllegalArgumentException for a wrong number of solutions or a point beyond 1e32
     */
    void tell(List<Solution> solutions) {
        if (solutions.size() != popsize) {
            throw new IllegalArgumentException(
                    "CmaEsSampler: " + solutions.size() + " solutions told, the population is " + popsize);
        }
        for (Solution s : solutions) {
            for (double v : s.x()) {
                if (!(Math.abs(v) < MEAN_MAX)) {
                    throw new IllegalArgumentException("CmaEsSampler: solution value " + v + " is beyond 1e32");
                }
            }
        }
        generation++;
        List<Solution> sorted = new ArrayList<>(solutions);
        sorted.sort(Comparator.comparingDouble(Solution::value)); // stable, as Python's sort
        int funhistIdx = 2 * (generation % funhistTerm);
        funhist[funhistIdx] = sorted.get(0).value();
        funhist[funhistIdx + 1] = sorted.get(popsize - 1).value();
        eigen();
        double[][] b = eigB;
        double[] d = eigD;
        eigB = null;
        eigD = null;
        double[] oldMean = mean.clone();
        double oldSigma = sigma;
        double[][] oldCov = learningRates == null ? null : covariance();

        double[][] y = new double[popsize][dim];
        for (int k = 0; k < popsize; k++) {
            for (int i = 0; i < dim; i++) {
                y[k][i] = (sorted.get(k).x()[i] - mean[i]) / sigma;
            }
        }
        double[] yw = new double[dim];
        for (int k = 0; k < mu; k++) {
            for (int i = 0; i < dim; i++) {
                yw[i] += weights[k] * y[k][i];
            }
        }
        for (int i = 0; i < dim; i++) {
            mean[i] += sigma * yw[i];
        }
        // C^(-1/2) y_w
        double[] cInvSqrtYw = variant == Variant.SEPARABLE ? divide(yw, d) : invSqrt(b, d, yw);
        double scale = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            pSigma[i] = (1 - cSigma) * pSigma[i] + scale * cInvSqrtYw[i];
            norm += pSigma[i] * pSigma[i];
        }
        norm = Math.sqrt(norm);
        sigma *= Math.exp((cSigma / dSigma) * (norm / chiN - 1));
        sigma = Math.min(sigma, SIGMA_MAX);
        double left = norm / Math.sqrt(1 - Math.pow(1 - cSigma, 2 * (generation + 1)));
        double right = (1.4 + 2.0 / (dim + 1)) * chiN;
        double hSigma = left < right ? 1.0 : 0.0;
        double pcScale = hSigma * Math.sqrt(cc * (2 - cc) * muEff);
        for (int i = 0; i < dim; i++) {
            pc[i] = (1 - cc) * pc[i] + pcScale * yw[i];
        }
        double deltaHSigma = (1 - hSigma) * cc * (2 - cc);
        double weightSum = 0;
        for (double w : weights) {
            weightSum += w;
        }
        double decay = 1 + c1 * deltaHSigma - c1 - cmu * weightSum;
        if (variant == Variant.SEPARABLE) {
            for (int i = 0; i < dim; i++) {
                double rankMu = 0;
                for (int k = 0; k < mu; k++) {
                    rankMu += weights[k] * y[k][i] * y[k][i];
                }
                cov[0][i] = decay * cov[0][i] + c1 * pc[i] * pc[i] + cmu * rankMu;
            }
            return;
        }
        // active CMA: a negative weight is rescaled by n / |C^(-1/2) y|^2
        double[] wio = new double[popsize];
        for (int k = 0; k < popsize; k++) {
            if (weights[k] >= 0) {
                wio[k] = weights[k];
            } else {
                double[] z = invSqrt(b, d, y[k]);
                double sq = 0;
                for (double v : z) {
                    sq += v * v;
                }
                wio[k] = weights[k] * dim / (sq + EPS);
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double rankMu = 0;
                for (int k = 0; k < popsize; k++) {
                    rankMu += wio[k] * y[k][i] * y[k][j];
                }
                cov[i][j] = decay * cov[i][j] + c1 * pc[i] * pc[j] + cmu * rankMu;
            }
        }
        if (learningRates != null) {
            adaptLearningRates(oldMean, oldSigma, oldCov, b, d);
        }
        if (margin != null) {
            double[] diagonal = new double[dim];
            for (int i = 0; i < dim; i++) {
                diagonal[i] = cov[i][i];
            }
            margin.correct(mean, sigma, diagonal);
        }
    }

    /** The adaptation's state: moving averages of the updates and the two learning rates. */
    private static final class LearningRates {
        static final double ALPHA = 1.4;
        static final double BETA_MEAN = 0.1;
        static final double BETA_SIGMA = 0.03;
        static final double GAMMA = 0.1;
        final double[] eMean;
        final double[] eSigma;
        double vMean;
        double vSigma;
        double etaMean = 1.0;
        double etaSigma = 1.0;

        LearningRates(int dim) {
            eMean = new double[dim];
            eSigma = new double[dim * dim];
        }
    }

    /**
     * Scales this generation's update of the mean and of {@code Sigma = sigma^2 C} by learning
     * rates that keep the estimated signal-to-noise ratio of the updates near {@code ALPHA}.
     */
    private void adaptLearningRates(double[] oldMean, double oldSigma, double[][] oldCov, double[][] b, double[] d) {
        LearningRates lr = learningRates;
        int n = dim;
        // C^(-1/2) of the old distribution, divided by the old sigma: Sigma^(-1/2)
        double[][] invSqrt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += b[i][k] / d[k] * b[j][k];
                }
                invSqrt[i][j] = v / oldSigma;
            }
        }
        double[] deltaMean = new double[n];
        double[][] deltaSigma = new double[n][n];
        double s2 = sigma * sigma;
        double oldS2 = oldSigma * oldSigma;
        for (int i = 0; i < n; i++) {
            deltaMean[i] = mean[i] - oldMean[i];
            for (int j = 0; j < n; j++) {
                deltaSigma[i][j] = s2 * cov[i][j] - oldS2 * oldCov[i][j];
            }
        }
        double[] locMean = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                locMean[i] += invSqrt[i][k] * deltaMean[k];
            }
        }
        double[][] tmp = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += deltaSigma[i][k] * invSqrt[k][j];
                }
                tmp[i][j] = v;
            }
        }
        double[] locSigma = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += invSqrt[i][k] * tmp[k][j];
                }
                locSigma[i * n + j] = v / Math.sqrt(2);
            }
        }
        double normLocMean = 0;
        double sqE = 0;
        for (int i = 0; i < n; i++) {
            lr.eMean[i] = (1 - LearningRates.BETA_MEAN) * lr.eMean[i] + LearningRates.BETA_MEAN * locMean[i];
            normLocMean += locMean[i] * locMean[i];
            sqE += lr.eMean[i] * lr.eMean[i];
        }
        double normLocSigma = 0;
        double sqESigma = 0;
        for (int i = 0; i < n * n; i++) {
            lr.eSigma[i] = (1 - LearningRates.BETA_SIGMA) * lr.eSigma[i] + LearningRates.BETA_SIGMA * locSigma[i];
            normLocSigma += locSigma[i] * locSigma[i];
            sqESigma += lr.eSigma[i] * lr.eSigma[i];
        }
        lr.vMean = (1 - LearningRates.BETA_MEAN) * lr.vMean + LearningRates.BETA_MEAN * normLocMean;
        lr.vSigma = (1 - LearningRates.BETA_SIGMA) * lr.vSigma + LearningRates.BETA_SIGMA * normLocSigma;
        double snrMean = (sqE - LearningRates.BETA_MEAN / (2 - LearningRates.BETA_MEAN) * lr.vMean) / (lr.vMean - sqE);
        double snrSigma = (sqESigma - LearningRates.BETA_SIGMA / (2 - LearningRates.BETA_SIGMA) * lr.vSigma)
                / (lr.vSigma - sqESigma);
        double etaMeanBefore = lr.etaMean;
        double relMean = Math.max(-1, Math.min(1, snrMean / LearningRates.ALPHA / lr.etaMean - 1));
        lr.etaMean *= Math.exp(Math.min(LearningRates.GAMMA * lr.etaMean, LearningRates.BETA_MEAN) * relMean);
        double relSigma = Math.max(-1, Math.min(1, snrSigma / LearningRates.ALPHA / lr.etaSigma - 1));
        lr.etaSigma *= Math.exp(Math.min(LearningRates.GAMMA * lr.etaSigma, LearningRates.BETA_SIGMA) * relSigma);
        lr.etaMean = Math.min(lr.etaMean, 1.0);
        lr.etaSigma = Math.min(lr.etaSigma, 1.0);
        double[][] newSigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            mean[i] = oldMean[i] + lr.etaMean * deltaMean[i];
            for (int j = 0; j < n; j++) {
                newSigma[i][j] = oldS2 * oldCov[i][j] + lr.etaSigma * deltaSigma[i][j];
            }
        }
        // split Sigma into sigma (its determinant's 2n-th root) and C
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(new DMatrixRMaj(newSigma))) {
            throw new IllegalStateException("CmaEsSampler: the eigendecomposition of the covariance failed");
        }
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += Math.log(eig.getEigenvalue(i).getReal());
        }
        sigma = Math.min(Math.exp(logDet / 2.0 / n), SIGMA_MAX);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = newSigma[i][j] / (sigma * sigma);
            }
        }
        sigma *= etaMeanBefore / lr.etaMean;
    }

    private static double[] divide(double[] v, double[] d) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / d[i];
        }
        return out;
    }

    /** B diag(1/D) B^T v. */
    private static double[] invSqrt(double[][] b, double[] d, double[] v) {
        int n = v.length;
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += b[i][k] * v[i];
            }
            t[k] = s / d[k];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += b[i][k] * t[k];
            }
            out[i] = s;
        }
        return out;
    }

    /** The {@code cmaes} library's termination tests (a converged or degenerate run). */
    boolean shouldStop() {
        eigen();
        double[] dc = new double[dim];
        for (int i = 0; i < dim; i++) {
            dc[i] = variant == Variant.SEPARABLE ? cov[0][i] : cov[i][i];
        }
        if (generation > funhistTerm) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double v : funhist) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            if (max - min < TOL_FUN) {
                return true;
            }
        }
        boolean allTiny = true;
        for (int i = 0; i < dim; i++) {
            if (!(sigma * dc[i] < tolX && sigma * pc[i] < tolX)) {
                allTiny = false;
                break;
            }
        }
        if (allTiny) {
            return true;
        }
        double maxD = Arrays.stream(eigD).max().orElseThrow();
        double minD = Arrays.stream(eigD).min().orElseThrow();
        if (sigma * maxD > TOL_X_UP) {
            return true;
        }
        for (int i = 0; i < dim; i++) {
            if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(dc[i])) {
                return true;
            }
        }
        int axis = generation % dim;
        boolean noEffect = true;
        for (int i = 0; i < dim; i++) {
            double direction = eigB == null ? 1.0 : eigB[i][axis];
            if (mean[i] != mean[i] + 0.1 * sigma * eigD[axis] * direction) {
                noEffect = false;
                break;
            }
        }
        if (noEffect) {
            return true;
        }
        return maxD / minD > TOL_CONDITION_COV;
    }

    // ---- the stored form

    /** The state as a JSON value (numbers, lists, maps), from which {@link #fromJson} rebuilds it. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variant", variant.name());
        out.put("dim", dim);
        out.put("popsize", popsize);
        out.put("generation", generation);
        out.put("lower", list(lower));
        out.put("upper", list(upper));
        out.put("tol_x", tolX);
        out.put("mean", list(mean));
        out.put("sigma", sigma);
        List<Object> c = new ArrayList<>();
        for (double[] row : cov) {
            c.add(list(row));
        }
        out.put("cov", c);
        out.put("pc", list(pc));
        out.put("p_sigma", list(pSigma));
        out.put("funhist", list(funhist));
        if (learningRates != null) {
            out.put("lr_e_mean", list(learningRates.eMean));
            out.put("lr_e_sigma", list(learningRates.eSigma));
            out.put("lr_v_mean", learningRates.vMean);
            out.put("lr_v_sigma", learningRates.vSigma);
            out.put("lr_eta_mean", learningRates.etaMean);
            out.put("lr_eta_sigma", learningRates.etaSigma);
        }
        if (margin != null) {
            out.put("margin_steps", list(margin.steps()));
            out.put("margin", margin.margin());
            out.put("margin_a", list(margin.scaling()));
        }
        return out;
    }

    /**
     * An independent copy of the state, exactly what {@code fromJson(toJson())} gives (so without
     * the cached eigendecomposition, which the copy computes again from its own covariance),
     * without the boxing of the JSON form.
     */
    CmaOptimizer copy() {
        CmaOptimizer o = new CmaOptimizer(variant, dim, popsize, lower, upper, tolX);
        o.generation = generation;
        System.arraycopy(mean, 0, o.mean, 0, dim);
        o.sigma = sigma;
        for (int i = 0; i < cov.length; i++) {
            System.arraycopy(cov[i], 0, o.cov[i], 0, dim);
        }
        System.arraycopy(pc, 0, o.pc, 0, dim);
        System.arraycopy(pSigma, 0, o.pSigma, 0, dim);
        System.arraycopy(funhist, 0, o.funhist, 0, funhist.length);
        if (learningRates != null) {
            LearningRates lr = new LearningRates(dim);
            System.arraycopy(learningRates.eMean, 0, lr.eMean, 0, dim);
            System.arraycopy(learningRates.eSigma, 0, lr.eSigma, 0, dim * dim);
            lr.vMean = learningRates.vMean;
            lr.vSigma = learningRates.vSigma;
            lr.etaMean = learningRates.etaMean;
            lr.etaSigma = learningRates.etaSigma;
            o.learningRates = lr;
        }
        if (margin != null) {
            o.margin = new Margin(margin.steps(), o.lower, o.upper, margin.margin(), margin.scaling());
        }
        return o;
    }

    /** Rebuilds an optimizer from {@link #toJson}'s value. */
    static CmaOptimizer fromJson(Map<?, ?> json) {
        CmaOptimizer o = new CmaOptimizer(
                Variant.valueOf((String) json.get("variant")),
                ((Number) json.get("dim")).intValue(),
                ((Number) json.get("popsize")).intValue(),
                array(json.get("lower")),
                array(json.get("upper")),
                ((Number) json.get("tol_x")).doubleValue());
        o.generation = ((Number) json.get("generation")).intValue();
        System.arraycopy(array(json.get("mean")), 0, o.mean, 0, o.dim);
        o.sigma = ((Number) json.get("sigma")).doubleValue();
        List<?> c = (List<?>) json.get("cov");
        for (int i = 0; i < c.size(); i++) {
            System.arraycopy(array(c.get(i)), 0, o.cov[i], 0, o.dim);
        }
        System.arraycopy(array(json.get("pc")), 0, o.pc, 0, o.dim);
        System.arraycopy(array(json.get("p_sigma")), 0, o.pSigma, 0, o.dim);
        double[] f = array(json.get("funhist"));
        System.arraycopy(f, 0, o.funhist, 0, Math.min(f.length, o.funhist.length));
        if (json.get("lr_e_mean") != null) {
            LearningRates lr = new LearningRates(o.dim);
            System.arraycopy(array(json.get("lr_e_mean")), 0, lr.eMean, 0, o.dim);
            System.arraycopy(array(json.get("lr_e_sigma")), 0, lr.eSigma, 0, o.dim * o.dim);
            lr.vMean = ((Number) json.get("lr_v_mean")).doubleValue();
            lr.vSigma = ((Number) json.get("lr_v_sigma")).doubleValue();
            lr.etaMean = ((Number) json.get("lr_eta_mean")).doubleValue();
            lr.etaSigma = ((Number) json.get("lr_eta_sigma")).doubleValue();
            o.learningRates = lr;
        }
        if (json.get("margin_steps") != null) {
            o.margin = new Margin(
                    array(json.get("margin_steps")),
                    o.lower,
                    o.upper,
                    ((Number) json.get("margin")).doubleValue(),
                    array(json.get("margin_a")));
        }
        return o;
    }

    private static List<Object> list(double[] v) {
        List<Object> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static double[] array(Object json) {
        List<?> l = (List<?>) json;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    /** The determinant of a symmetric matrix (for the warm start). */
    static double determinant(double[][] m) {
        DMatrixRMaj a = new DMatrixRMaj(m);
        return CommonOps_DDRM.det(a);
    }
}
