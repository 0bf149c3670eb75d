package io.tunekit.samplers.bruteforce;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyExhaustedException;
import io.tunekit.StudyView;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.bruteforce.SearchTree.Claim;
import io.tunekit.samplers.bruteforce.SearchTree.Step;
import io.tunekit.samplers.bruteforce.SearchTree.Tally;
import io.tunekit.samplers.internal.Sha256;
import io.tunekit.storage.CreationGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Evaluates every point of a finite define-by-run space exactly once, conditional parameters
 * included, then ends the study. Every parameter must be discrete: categorical, int, or float
 * with a step.
 *
 * <p>As in Optuna, the space is discovered from the trials: each suggestion picks, among the
 * values of the parameter, one whose subtree still holds unexplored points (weighted half by how
 * many, half evenly, so no branch starves). Unlike Optuna's, the pick is <em>claimed</em>
 * through the storage: the first trial to enter a new assignment of parameters takes it with an
 * atomic compare-and-set of the study system attribute {@code tunekit:brute_force:claim:<hash of
 * the assignment>} (value: the trial number), so threads, processes and machines sharing a study
 * never evaluate a point twice. A worker that finds no free point cannot start a trial
 * ({@link StudyExhaustedException}, which ends its {@code optimize} loop), and the trial that
 * finishes the last point stops the study.
 *
 * <p>A trial that was started while a point was free but finds every point taken when it
 * suggests (another worker took the last one in between) does not duplicate one: it ends
 * PRUNED ({@link TrialPrunedException} from the suggestion) and carries the system attribute
 * {@value #SURPLUS_KEY}; such trials are not points of the search.
 *
 * <p>Finished trials of every state (COMPLETE, PRUNED, FAIL) count as evaluated, as in Optuna;
 * enqueued trials take their fixed values without a claim. The random choices are seeded.
 */
public final class BruteForceSampler implements Sampler {

    /** Trial system attribute marking a trial that found no point left (it ends PRUNED). */
    public static final String SURPLUS_KEY = "tunekit:brute_force:surplus";
    /** Prefix of the study system attributes claiming an assignment of parameters. */
    public static final String CLAIM_PREFIX = "tunekit:brute_force:claim:";

    private final SplittableRandom random;
    private final Map<Distribution, List<Double>> candidates = new ConcurrentHashMap<>();

    /** A sampler seeded from the system's entropy. */
    public BruteForceSampler() {
        this.random = new SplittableRandom();
    }

    /** A sampler whose order of visits is fixed by the seed (for one worker). */
    public BruteForceSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public List<CreationGuard> creationGuards(StudyView study) {
        Snapshot s = Snapshot.of(study);
        Tally left = SearchTree.count(s.tree(Map.of(), -1, null).root, new TreeMap<>(), s::claim);
        if (left.free() == 0) {
            throw new StudyExhaustedException("BruteForceSampler: no point of the search space is left to "
                    + "evaluate in study '" + study.name() + "' (" + left.pending()
                    + " are being evaluated by running trials)");
        }
        return List.of();
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        List<Double> values = candidatesOf(name, distribution);
        Map<String, Double> current = internalParams(trial);
        while (true) {
            Snapshot s = Snapshot.of(study);
            SearchTree tree = s.tree(current, trial.number(), null);
            tree.root.expand(name, values);
            SortedMap<String, Double> assignment = new TreeMap<>(current);
            long[] free = new long[values.size()];
            long totalFree = 0;
            long totalPending = 0;
            for (int i = 0; i < values.size(); i++) {
                Tally t = SearchTree.countChild(tree.root, values.get(i), assignment, s::claim);
                free[i] = t.free();
                totalFree += t.free();
                totalPending += t.pending();
            }
            if (totalFree == 0) {
                study.setTrialSystemAttr(trial, SURPLUS_KEY, true);
                if (totalPending == 0 && s.nothingLeft(-1)) {
                    study.stop();
                }
                throw new TrialPrunedException("BruteForceSampler: every point below " + current
                        + " is evaluated or claimed by another trial; trial " + trial.number()
                        + " ends without a point");
            }
            double value = values.get(pick(free, totalFree));
            if (tree.root.children.containsKey(value)) {
                return value; // a known branch with free points below: later suggestions claim them
            }
            assignment.put(name, value);
            String key = claimKey(assignment);
            if (study.compareAndSetSystemAttr(key, s.attrs().get(key), trial.number())) {
                return value;
            }
            // another worker claimed it first: look again
        }
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        // a trial without parameters evaluated the only point of an empty space
        if (state == TrialState.COMPLETE && trial.params().isEmpty()
                || Snapshot.of(study).nothingLeft(trial.number())) {
            study.stop();
        }
    }

    private int pick(long[] free, long totalFree) {
        int branches = 0;
        for (long f : free) {
            if (f > 0) {
                branches++;
            }
        }
        double u;
        synchronized (random) {
            u = random.nextDouble();
        }
        // half by the number of free points below, half evenly over branches with any
        double acc = 0;
        int last = -1;
        for (int i = 0; i < free.length; i++) {
            if (free[i] == 0) {
                continue;
            }
            last = i;
            acc += 0.5 * free[i] / totalFree + 0.5 / branches;
            if (u < acc) {
                return i;
            }
        }
        return last;
    }

    private List<Double> candidatesOf(String name, Distribution distribution) {
        return candidates.computeIfAbsent(distribution, d -> List.copyOf(Candidates.of(name, d)));
    }

    private static Map<String, Double> internalParams(FrozenTrial trial) {
        Map<String, Double> out = new HashMap<>();
        trial.params().forEach((n, v) -> out.put(n, trial.distributions().get(n).toInternal(v)));
        return out;
    }

    /** The claim key of an assignment: a hash of its sorted {@code name=internal value} pairs. */
    static String claimKey(SortedMap<String, Double> assignment) {
        StringBuilder canonical = new StringBuilder();
        assignment.forEach((n, v) -> canonical
                .append(n.length())
                .append(':')
                .append(n)
                .append('=')
                .append(v)
                .append(';'));
        return CLAIM_PREFIX + Sha256.hex(canonical.toString(), 16);
    }

    /** The study's trials and system attributes read once, for one decision. */
    private record Snapshot(List<FrozenTrial> trials, Map<String, Object> attrs, Map<Integer, TrialState> states) {

        static Snapshot of(StudyView study) {
            List<FrozenTrial> trials = study.trials();
            Map<Integer, TrialState> states = new HashMap<>();
            for (FrozenTrial t : trials) {
                states.put(t.number(), t.state());
            }
            return new Snapshot(trials, study.systemAttrs(), states);
        }

        /**
         * The tree below {@code current} from every non-waiting, non-surplus trial but
         * {@code skip}; trial {@code finishedNumber} counts as finished.
         */
        SearchTree tree(Map<String, Double> current, int skip, Integer finishedNumber) {
            SearchTree tree = new SearchTree();
            for (FrozenTrial t : trials) {
                if (t.number() == skip
                        || t.params().isEmpty() // reveals nothing (a failed or a just-started trial)
                        || t.state() == TrialState.WAITING
                        || t.systemAttrs().containsKey(SURPLUS_KEY)) {
                    continue;
                }
                Map<String, Double> params = internalParams(t);
                if (!matches(params, current)) {
                    continue;
                }
                List<Step> path = new ArrayList<>();
                t.params().keySet().forEach(n -> {
                    if (!current.containsKey(n)) {
                        Distribution d = t.distributions().get(n);
                        path.add(new Step(n, Candidates.of(n, d), params.get(n)));
                    }
                });
                boolean finished = t.state().isFinished() || finishedNumber != null && t.number() == finishedNumber;
                tree.add(path, finished);
            }
            return tree;
        }

        /** Whether no point is free or held by a running trial ({@code finished} counts as done). */
        boolean nothingLeft(int finished) {
            Function<SortedMap<String, Double>, Claim> claims = a -> claimExcept(a, finished);
            Tally left = SearchTree.count(tree(Map.of(), -1, finished).root, new TreeMap<>(), claims);
            return left.free() == 0 && left.pending() == 0;
        }

        Claim claim(SortedMap<String, Double> assignment) {
            return claimExcept(assignment, -1);
        }

        /**
         * FREE if nobody holds the assignment, or a trial that finished without taking it (it
         * died between the claim and storing the parameter); {@code finished} counts as finished.
         */
        private Claim claimExcept(SortedMap<String, Double> assignment, int finished) {
            if (!(attrs.get(claimKey(assignment)) instanceof Number holder)) {
                return Claim.FREE;
            }
            int number = holder.intValue();
            TrialState state = states.get(number);
            // a holder missing from the trial list started after it was read: it is live
            boolean done = state != null && state.isFinished() || number == finished;
            return done ? Claim.FREE : Claim.PENDING;
        }

        private static boolean matches(Map<String, Double> params, Map<String, Double> current) {
            for (Map.Entry<String, Double> e : current.entrySet()) {
                if (!e.getValue().equals(params.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }
}
