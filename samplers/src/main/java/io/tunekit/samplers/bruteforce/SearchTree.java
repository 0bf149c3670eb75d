package io.tunekit.samplers.bruteforce;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The part of a define-by-run space that trials have revealed below one assignment of
 * parameters: each node is an assignment, its children are the values of the parameter that
 * trials suggested next. A node no trial went beyond is a leaf if a finished trial ended there,
 * <em>running</em> if a running one did; a value of an expanded node that no trial took is
 * <em>unexpanded</em>, and {@link Tally counting} asks a {@link Function} whether it is free or
 * being claimed.
 */
final class SearchTree {

    /** One suggestion of a trial: the parameter, its candidate values and the value taken. */
    record Step(String name, List<Double> values, double value) {}

    /** Unexplored points below a node: free to take, or held by a running trial. */
    record Tally(long free, long pending) {
        Tally plus(Tally o) {
            return new Tally(free + o.free, pending + o.pending);
        }
    }

    /** Whether an unexpanded assignment can be taken. */
    enum Claim {
        FREE,
        PENDING
    }

    static final Tally FREE_ONE = new Tally(1, 0);
    static final Tally PENDING_ONE = new Tally(0, 1);
    static final Tally NONE = new Tally(0, 0);

    /** A node: an assignment of the parameters on the path to it. */
    static final class Node {
        String param;
        List<Double> values;
        final Map<Double, Node> children = new HashMap<>();
        boolean finished;
        boolean running;

        /** Sets the parameter suggested below this node, or checks it against the known one. */
        void expand(String name, List<Double> candidates) {
            if (param == null) {
                param = name;
                values = candidates;
            } else if (!param.equals(name) || !values.equals(candidates)) {
                throw new IllegalArgumentException("BruteForceSampler: the search space changed: after the same "
                        + "parameters, one trial suggested '" + param + "' with values " + values
                        + ", another '" + name + "' with values " + candidates
                        + "; brute force needs the same space every time");
            }
        }
    }

    final Node root = new Node();

    /**
     * Adds a trial's path below the root. A path leaving the candidate grid (an enqueued value off
     * the grid) is ignored.
     */
    void add(List<Step> path, boolean finished) {
        Node node = root;
        for (Step step : path) {
            node.expand(step.name(), step.values());
            if (!node.values.contains(step.value())) {
                return;
            }
            node = node.children.computeIfAbsent(step.value(), v -> new Node());
        }
        if (finished) {
            node.finished = true;
        } else {
            node.running = true;
        }
    }

    /**
     * The unexplored points below {@code node}, reached by {@code assignment} (mutated during the
     * walk, restored after); {@code claims} says whether an unexpanded assignment is free.
     */
    static Tally count(
            Node node, SortedMap<String, Double> assignment, Function<SortedMap<String, Double>, Claim> claims) {
        if (node.param == null) {
            if (node.finished) {
                return NONE;
            }
            return node.running ? PENDING_ONE : FREE_ONE;
        }
        Tally total = NONE;
        for (Double v : node.values) {
            total = total.plus(countChild(node, v, assignment, claims));
        }
        return total;
    }

    /** {@link #count} of the child of {@code node} with value {@code v}. */
    static Tally countChild(
            Node node,
            double v,
            SortedMap<String, Double> assignment,
            Function<SortedMap<String, Double>, Claim> claims) {
        Node child = node.children.get(v);
        Double before = assignment.put(node.param, v);
        try {
            if (child == null) {
                return claims.apply(assignment) == Claim.FREE ? FREE_ONE : PENDING_ONE;
            }
            return count(child, assignment, claims);
        } finally {
            if (before == null) {
                assignment.remove(node.param);
            } else {
                assignment.put(node.param, before);
            }
        }
    }
}
