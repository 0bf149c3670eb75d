package io.tunekit.analysis.importance;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Which parameters mattered: importances of a study's parameters, computed from its COMPLETE
 * trials, ordered from most to least important and normalised to sum to 1 as Optuna's
 * {@code get_param_importances} does.
 *
 * <p>A worked example: the logistic-regression example's {@code --terminate} study (23 trials of
 * a TPE search over a log-scale {@code C} and an l1/l2 {@code penalty}, accuracy maximised):
 *
 * <pre>{@code
 * ParamImportances importances = Importance.of(study);          // PED-ANOVA, as Optuna 5.0
 * System.out.print(importances.toTable());
 * // parameter  importance
 * // C              0.9843  ##############################
 * // penalty        0.0157
 *
 * ParamImportances withIntervals = Importance.builder()
 *         .evaluator(Fanova.defaults())                     // or MeanDecreaseImpurity, PedAnova
 *         .params("C", "penalty")                           // default: every parameter
 *         .target(t -> t.values().get(0))                   // default: the objective value
 *         .withIntervals(200)                               // bootstrap over trials
 *         .evaluate(study);
 * withIntervals.get("C");                                   // C 0.7211 [0.0770, 0.9489]
 * withIntervals.get("penalty");                             // penalty 0.2789 [0.0511, 0.9230]
 * }</pre>
 *
 * fANOVA ranks {@code C} first too, but its intervals say that 23 trials do not settle it; the
 * PED-ANOVA interval of {@code C} is [0.8936, 0.9998].
 *
 * <p>Which trials and parameters count:
 * <ul>
 *   <li>Only COMPLETE trials whose target is finite.
 *   <li>{@link PedAnova} assesses every parameter that appears in a COMPLETE trial, conditional
 *       ones included; {@link Fanova} and {@link MeanDecreaseImpurity} assess the parameters that
 *       every COMPLETE trial has with the same distribution, or the ones named with
 *       {@link Builder#params}, on the trials that have them all.
 * </ul>
 *
 * <p>Errors ({@link IllegalArgumentException}, naming the value and the rule): fewer than 2
 * usable trials; a target that is the same in every usable trial; a named parameter that no
 * COMPLETE trial has, or whose distribution admits a single value; a multi-objective study
 * without a {@link Builder#target}; for the forests, a named parameter whose distribution differs
 * between trials.
 *
 * <p>Differences from Optuna 5.0, deliberate: Optuna warns and returns equal importances where
 * this class throws (fewer than 2 trials, all trials tied); multi-objective PED-ANOVA without a
 * target (Optuna ranks by non-domination) is not supported; the forest is Tunekit's own, so fANOVA
 * and MDI agree with Optuna's in ranking and within the forests' seed-to-seed spread, not digit
 * for digit.
 */
public final class Importance {

    /**
     * Descending importance, then by name. Written out rather than composed from
     * {@code Comparator.comparingDouble(...).reversed().thenComparing(...)}, whose lambdas cost a
     * fresh JVM's first call more than the sort.
     */
    private static final Comparator<ParamImportance> MOST_IMPORTANT_FIRST = new Comparator<>() {
        @Override
        public int compare(ParamImportance a, ParamImportance b) {
            int byImportance = Double.compare(b.importance(), a.importance());
            return byImportance != 0 ? byImportance : a.param().compareTo(b.param());
        }
    };

    private Importance() {}

    /** PED-ANOVA importances of every parameter, normalised, from the study's COMPLETE trials. */
    public static ParamImportances of(Study study) {
        return builder().evaluate(study);
    }

    /** PED-ANOVA importances of every parameter, normalised, from the study's COMPLETE trials. */
    public static ParamImportances of(StudyView study) {
        return builder().evaluate(study);
    }

    /** A builder: evaluator, parameters, target, normalisation and intervals. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of one importance computation; reusable for several studies. */
    public static final class Builder {

        private ImportanceEvaluator evaluator = PedAnova.defaults();
        private List<String> params;
        private ToDoubleFunction<FrozenTrial> target;
        private Direction targetDirection = Direction.MINIMIZE;
        private boolean normalize = true;
        private int resamples;
        private double level = 0.95;
        private long intervalSeed;

        private Builder() {}

        /** The evaluator; default {@link PedAnova#defaults()}. */
        public Builder evaluator(ImportanceEvaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
            return this;
        }

        /** Assess only these parameters (an empty list gives an empty result). */
        public Builder params(List<String> names) {
            this.params = List.copyOf(names);
            return this;
        }

        /** Assess only these parameters. */
        public Builder params(String... names) {
            return params(Arrays.asList(names));
        }

        /**
         * What to explain instead of the objective value, e.g. one objective of several
         * ({@code t -> t.values().get(1)}) or the duration. As in Optuna, lower is better: PED-ANOVA
         * looks at the trials with the lowest target. Use {@link #target(ToDoubleFunction,
         * Direction)} to say otherwise.
         */
        public Builder target(ToDoubleFunction<FrozenTrial> target) {
            return target(target, Direction.MINIMIZE);
        }

        /** A target and whether lower or higher values of it are better. */
        public Builder target(ToDoubleFunction<FrozenTrial> target, Direction direction) {
            this.target = Objects.requireNonNull(target, "target");
            this.targetDirection = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /** Whether to scale the importances to sum to 1 (default true, as Optuna). */
        public Builder normalize(boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        /**
         * Adds a 95% percentile bootstrap interval to every importance: the evaluation is repeated
         * on {@code resamples} sets of trials drawn with replacement. With a forest evaluator each
         * repetition fits a new forest (seeded from the evaluator's seed), so the interval holds
         * the forest's own randomness too.
         *
         * @throws IllegalArgumentException if {@code resamples < 20}
         */
        public Builder withIntervals(int resamples) {
            return withIntervals(resamples, 0.95);
        }

        /**
         * Adds a bootstrap interval at the given level.
         *
         * @throws IllegalArgumentException if {@code resamples < 20} or the level is not in (0, 1)
         */
        public Builder withIntervals(int resamples, double level) {
            if (resamples < 20) {
                throw new IllegalArgumentException(
                        "withIntervals: resamples is " + resamples + "; at least 20 are needed for an interval");
            }
            if (!(0 < level && level < 1)) {
                throw new IllegalArgumentException("withIntervals: level " + level + " must be in (0, 1)");
            }
            this.resamples = resamples;
            this.level = level;
            return this;
        }

        /** The seed of the bootstrap draws (default 0). */
        public Builder intervalSeed(long seed) {
            this.intervalSeed = seed;
            return this;
        }

        /** Computes the importances from the study's COMPLETE trials. */
        public ParamImportances evaluate(Study study) {
            return evaluate(study.view());
        }

        /** Computes the importances from the study's COMPLETE trials. */
        public ParamImportances evaluate(StudyView study) {
            return evaluate(study.trials(EnumSet.of(TrialState.COMPLETE)), study.directions());
        }

        /**
         * Computes the importances from a study's trials (those not COMPLETE are ignored), e.g.
         * as read from a storage.
         *
         * @param directions the study's directions, one per objective
         */
        public ParamImportances evaluate(List<FrozenTrial> trials, List<Direction> directions) {
            List<FrozenTrial> complete = new ArrayList<>(trials.size());
            for (FrozenTrial t : trials) {
                if (t.state() == TrialState.COMPLETE) {
                    complete.add(t);
                }
            }
            ImportanceInput input = ImportanceInput.prepare(evaluator, params, complete, targetFunction(directions));
            double[] raw = input.scores(evaluator, 0);
            double[] shown = normalize ? normalized(raw) : raw;
            List<Optional<ParamImportance.Interval>> intervals = intervals(input);
            List<ParamImportance> ranking = new ArrayList<>();
            for (int p = 0; p < raw.length; p++) {
                ranking.add(new ParamImportance(input.params().get(p), shown[p], intervals.get(p)));
            }
            ranking.sort(MOST_IMPORTANT_FIRST);
            return new ParamImportances(ranking, evaluator.label(), input.size(), normalize);
        }

        private ImportanceInput.Target targetFunction(List<Direction> directions) {
            if (target != null) {
                return new ImportanceInput.Target(target, targetDirection);
            }
            if (directions.size() != 1) {
                throw new IllegalArgumentException("the study has " + directions.size()
                        + " objectives: name the one to explain with target(...), e.g. target(t -> t.values().get(0))");
            }
            return new ImportanceInput.Target(FrozenTrial::value, directions.get(0));
        }

        private double[] normalized(double[] raw) {
            double sum = 0;
            for (double v : raw) {
                sum += v;
            }
            double[] out = new double[raw.length];
            for (int p = 0; p < raw.length; p++) {
                // All zero: equal shares, as Optuna.
                out[p] = sum == 0 ? 1.0 / raw.length : raw[p] / sum;
            }
            return out;
        }

        private List<Optional<ParamImportance.Interval>> intervals(ImportanceInput input) {
            int n = input.params().size();
            List<Optional<ParamImportance.Interval>> out = new ArrayList<>();
            if (resamples == 0) {
                for (int p = 0; p < n; p++) {
                    out.add(Optional.empty());
                }
                return out;
            }
            double[][] draws = new double[n][resamples];
            SplittableRandom random = new SplittableRandom(intervalSeed);
            int kept = 0;
            int attempts = 0;
            while (kept < resamples) {
                if (++attempts > 4 * resamples) {
                    throw new IllegalArgumentException("withIntervals: only " + kept + " of " + attempts
                            + " bootstrap resamples could be evaluated (the others tied or had a constant target);"
                            + " the study has too few distinct trials for an interval");
                }
                int[] picks = new int[input.size()];
                for (int i = 0; i < picks.length; i++) {
                    picks[i] = random.nextInt(input.size());
                }
                double[] raw;
                try {
                    raw = input.resample(picks).scores(evaluator, attempts);
                } catch (IllegalArgumentException degenerate) {
                    continue; // e.g. every drawn trial has the same target
                }
                double[] shown = normalize ? normalized(raw) : raw;
                for (int p = 0; p < n; p++) {
                    draws[p][kept] = shown[p];
                }
                kept++;
            }
            for (int p = 0; p < n; p++) {
                Arrays.sort(draws[p]);
                double tail = (1 - level) / 2;
                out.add(Optional.of(new ParamImportance.Interval(
                        percentile(draws[p], tail), percentile(draws[p], 1 - tail), level, resamples)));
            }
            return out;
        }

        /** Linear interpolation between order statistics (numpy's default percentile). */
        private static double percentile(double[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
    }
}
