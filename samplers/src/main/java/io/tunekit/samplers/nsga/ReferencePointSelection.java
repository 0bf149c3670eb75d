package io.tunekit.samplers.nsga;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * NSGA-III's survival (Deb and Jain 2014), as Optuna 5.0 does it: whole non-domination fronts
 * while they fit; the rest of the places go to members of the next front chosen by niche, using
 * reference points.
 *
 * <ol>
 *   <li>The objective values of the survivors so far and of that front are normalised: infinite
 *       values are clipped to 3 ranges beyond the finite ones, the ideal point is subtracted, and
 *       each objective is divided by the intercept of the hyperplane through the extreme points
 *       (those minimising the achievement scalarising function with weights 1 and 1e6); if the
 *       extreme points are degenerate, by the objective's maximum instead.</li>
 *   <li>Each trial is associated with the reference point whose line through the origin is
 *       nearest (Euclidean distance).</li>
 *   <li>Repeatedly, a reference point with the fewest survivors associated (ties at random) gives
 *       one member of the front: the nearest to its line if it has no survivor yet, a random one
 *       otherwise.</li>
 * </ol>
 * The default reference points are the {@code binomial(M + p - 1, p)} points with non-negative
 * integer coordinates summing to the dividing parameter {@code p} (Das and Dennis), in Optuna's
 * order. Unlike Optuna, maximised objectives are negated before the normalisation, so that the
 * ideal point is the best one in every direction. Thread-safe.
 */
public final class ReferencePointSelection implements ElitePopulationSelection {

    /** How far beyond the finite values infinities are clipped, in ranges. */
    private static final double INFINITY_MARGIN = 3;

    private final int populationSize;
    private final double[][] referencePoints;
    private final int dividingParameter;
    private final RandomGenerator random;
    private final Map<Integer, double[][]> defaultPoints = new TreeMap<>();

    /**
     * Selection with the default reference points.
     *
     * @param populationSize how many trials survive, at least 2
     * @param dividingParameter {@code p} of the default reference points, at least 1 (Optuna's default 3)
     * @param seed seed of the random tie breaks
     */
    public ReferencePointSelection(int populationSize, int dividingParameter, long seed) {
        this(populationSize, null, dividingParameter, new SplittableRandom(seed));
    }

    /**
     * Selection with your reference points.
     *
     * @param populationSize how many trials survive, at least 2
     * @param referencePoints one row per point, one column per objective, each row non-zero
     * @param seed seed of the random tie breaks
     */
    public ReferencePointSelection(int populationSize, double[][] referencePoints, long seed) {
        this(populationSize, validated(referencePoints), 3, new SplittableRandom(seed));
    }

    ReferencePointSelection(
            int populationSize, double[][] referencePoints, int dividingParameter, RandomGenerator random) {
        if (populationSize < 2) {
            throw new IllegalArgumentException(
                    "ReferencePointSelection: populationSize=" + populationSize + " must be >= 2");
        }
        if (dividingParameter < 1) {
            throw new IllegalArgumentException(
                    "ReferencePointSelection: dividingParameter=" + dividingParameter + " must be >= 1");
        }
        this.populationSize = populationSize;
        this.referencePoints = referencePoints;
        this.dividingParameter = dividingParameter;
        this.random = random;
    }

    private static double[][] validated(double[][] points) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("ReferencePointSelection: referencePoints must have at least one row");
        }
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
            if (copy[i].length != points[0].length) {
                throw new IllegalArgumentException("ReferencePointSelection: reference point " + i + " has "
                        + copy[i].length + " coordinates, point 0 has " + points[0].length);
            }
            double norm = 0;
            for (double c : copy[i]) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException(
                            "ReferencePointSelection: reference point " + i + " has a non-finite coordinate " + c);
                }
                norm += c * c;
            }
            if (norm == 0) {
                throw new IllegalArgumentException("ReferencePointSelection: reference point " + i + " is zero");
            }
        }
        return copy;
    }

    @Override
    public synchronized List<FrozenTrial> select(List<Direction> directions, List<FrozenTrial> population) {
        List<FrozenTrial> elite = new ArrayList<>();
        for (List<FrozenTrial> front : Fronts.of(directions, population)) {
            if (elite.size() + front.size() < populationSize) {
                elite.addAll(front);
                continue;
            }
            double[][] points = referencePoints(directions.size());
            List<FrozenTrial> pool = new ArrayList<>(elite);
            pool.addAll(front);
            double[][] normalized = normalize(clipInfinities(losses(directions, pool)));
            Association association = associate(normalized, points);
            elite.addAll(nicheSelection(populationSize - elite.size(), elite.size(), front, association));
            break;
        }
        return elite;
    }

    private double[][] referencePoints(int objectives) {
        if (referencePoints == null) {
            return defaultPoints.computeIfAbsent(objectives, m -> dasDennis(m, dividingParameter));
        }
        if (referencePoints[0].length != objectives) {
            throw new IllegalArgumentException("ReferencePointSelection: the reference points have "
                    + referencePoints[0].length + " coordinates; the study has " + objectives + " objectives");
        }
        return referencePoints;
    }

    private static double[][] losses(List<Direction> directions, List<FrozenTrial> trials) {
        double[][] loss = new double[trials.size()][];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = Fronts.loss(directions, trials.get(i));
        }
        return loss;
    }

    /**
     * The points with non-negative integer coordinates summing to {@code p}, one per multiset of
     * {@code p} objectives, in the lexicographic order of the multisets.
     */
    static double[][] dasDennis(int objectives, int p) {
        List<double[]> out = new ArrayList<>();
        multisets(new int[p], 0, 0, objectives, out);
        return out.toArray(double[][]::new);
    }

    private static void multisets(int[] chosen, int position, int from, int objectives, List<double[]> out) {
        if (position == chosen.length) {
            double[] point = new double[objectives];
            for (int c : chosen) {
                point[c]++;
            }
            out.add(point);
            return;
        }
        for (int m = from; m < objectives; m++) {
            chosen[position] = m;
            multisets(chosen, position + 1, m, objectives, out);
        }
    }

    /** Infinite values clipped to 3 finite ranges beyond the finite minimum and maximum of their objective. */
    static double[][] clipInfinities(double[][] values) {
        int objectives = values[0].length;
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        for (int m = 0; m < objectives; m++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] v : values) {
                if (Double.isFinite(v[m])) {
                    min = Math.min(min, v[m]);
                    max = Math.max(max, v[m]);
                }
            }
            if (min > max) { // no finite value: every one is infinite, put them at one point
                min = 0;
                max = 0;
            }
            double margin = INFINITY_MARGIN * (max - min);
            for (double[] v : out) {
                v[m] = Math.max(min - margin, Math.min(v[m], max + margin));
            }
        }
        return out;
    }

    /** Translated by the ideal point and scaled by the intercepts of the extreme points' hyperplane. */
    static double[][] normalize(double[][] values) {
        int n = values.length;
        int objectives = values[0].length;
        double[][] x = new double[n][objectives];
        for (int m = 0; m < objectives; m++) {
            double ideal = Double.POSITIVE_INFINITY;
            for (double[] v : values) {
                ideal = Math.min(ideal, v[m]);
            }
            for (int i = 0; i < n; i++) {
                x[i][m] = values[i][m] - ideal;
            }
        }
        double[][] extreme = new double[objectives][];
        for (int d = 0; d < objectives; d++) {
            int best = 0;
            double bestAsf = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double asf = Double.NEGATIVE_INFINITY;
                for (int m = 0; m < objectives; m++) {
                    asf = Math.max(asf, x[i][m] * (m == d ? 1 : 1e6));
                }
                if (asf < bestAsf) {
                    bestAsf = asf;
                    best = i;
                }
            }
            extreme[d] = x[best];
        }
        double[] scale = new double[objectives];
        Array2DRowRealMatrix e = new Array2DRowRealMatrix(extreme, true);
        boolean finite = Arrays.stream(extreme).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
        if (finite && new SingularValueDecomposition(e).getRank() == objectives) {
            double[] ones = new double[objectives];
            Arrays.fill(ones, 1);
            double[] inverse = new LUDecomposition(e)
                    .getSolver()
                    .solve(new ArrayRealVector(ones))
                    .toArray();
            for (int m = 0; m < objectives; m++) {
                scale[m] = Double.isFinite(inverse[m]) ? inverse[m] : 1;
            }
        } else {
            for (int m = 0; m < objectives; m++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] v : x) {
                    max = Math.max(max, v[m]);
                }
                double inverse = 1 / (max == 0 ? 1 : max);
                scale[m] = Double.isFinite(inverse) ? inverse : 1;
            }
        }
        for (double[] v : x) {
            for (int m = 0; m < objectives; m++) {
                v[m] *= scale[m];
            }
        }
        return x;
    }

    /**
     * The nearest reference point of each trial and the distance to its line.
     *
     * @param closest index of the reference point whose line through the origin is nearest (the first on ties)
     * @param distance the distance from the point to that line
     */
    record Association(int[] closest, double[] distance) {}

    static Association associate(double[][] normalized, double[][] referencePoints) {
        int n = normalized.length;
        int[] closest = new int[n];
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = normalized[i];
            double best = Double.POSITIVE_INFINITY;
            for (int p = 0; p < referencePoints.length; p++) {
                double[] r = referencePoints[p];
                double rr = 0;
                double xr = 0;
                for (int m = 0; m < r.length; m++) {
                    rr += r[m] * r[m];
                    xr += x[m] * r[m];
                }
                double t = xr / rr;
                double d2 = 0;
                for (int m = 0; m < r.length; m++) {
                    double o = x[m] - t * r[m];
                    d2 += o * o;
                }
                double d = Math.sqrt(d2);
                if (d < best) {
                    best = d;
                    closest[i] = p;
                }
            }
            distance[i] = best;
        }
        return new Association(closest, distance);
    }

    /** A member of the front with its distance to its reference line. */
    private record Candidate(double distance, int index) {}

    /**
     * {@code target} members of {@code front} by niche count; {@code association} covers the
     * {@code eliteCount} survivors first, then the front.
     */
    private List<FrozenTrial> nicheSelection(
            int target, int eliteCount, List<FrozenTrial> front, Association association) {
        Map<Integer, List<Candidate>> candidates = new LinkedHashMap<>();
        for (int i = 0; i < front.size(); i++) {
            int point = association.closest()[eliteCount + i];
            candidates
                    .computeIfAbsent(point, k -> new ArrayList<>())
                    .add(new Candidate(association.distance()[eliteCount + i], i));
        }
        Map<Integer, Integer> eliteCountOf = new TreeMap<>();
        for (int i = 0; i < eliteCount; i++) {
            eliteCountOf.merge(association.closest()[i], 1, Integer::sum);
        }
        // niche count -> reference points with candidates left, in first-appearance order
        Map<Integer, List<Integer>> byCount = new TreeMap<>();
        for (int point : candidates.keySet()) {
            byCount.computeIfAbsent(eliteCountOf.getOrDefault(point, 0), k -> new ArrayList<>())
                    .add(point);
        }
        Set<Integer> shuffled = new HashSet<>();
        List<FrozenTrial> out = new ArrayList<>();
        int count = -1;
        while (out.size() < target) {
            List<Integer> points = byCount.computeIfAbsent(count, k -> new ArrayList<>());
            if (points.isEmpty()) {
                count++;
                Draws.shuffle(byCount.computeIfAbsent(count, k -> new ArrayList<>()), random);
                continue;
            }
            int point = points.remove(points.size() - 1);
            List<Candidate> members = candidates.get(point);
            if (count > 0 && shuffled.add(point)) {
                Draws.shuffle(members, random);
            } else if (count == 0) {
                members.sort(Comparator.comparingDouble(Candidate::distance)
                        .thenComparingInt(Candidate::index)
                        .reversed());
            }
            out.add(front.get(members.remove(members.size() - 1).index()));
            if (!members.isEmpty()) {
                byCount.computeIfAbsent(count + 1, k -> new ArrayList<>()).add(point);
            }
        }
        return out;
    }
}
