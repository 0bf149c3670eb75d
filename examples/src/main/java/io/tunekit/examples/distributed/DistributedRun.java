package io.tunekit.examples.distributed;

import io.tunekit.FrozenTrial;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a distributed run, read back from the shared study.
 *
 * @param studyName the study the workers shared
 * @param trialsPerWorker finished trials by worker id, every started worker listed (0 if none)
 * @param trialNumbers the numbers of all the study's trials, in storage order
 * @param best the best complete trial
 */
public record DistributedRun(
        String studyName, SortedMap<Integer, Integer> trialsPerWorker, List<Integer> trialNumbers, FrozenTrial best) {
    /** Copies the collections. */
    public DistributedRun {
        trialsPerWorker = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(trialsPerWorker));
        trialNumbers = List.copyOf(trialNumbers);
    }

    /** Whether the trial numbers are exactly 0..n-1, each once: no number lost or given twice. */
    public boolean numbersUnique() {
        return trialNumbers.stream().distinct().count() == trialNumbers.size()
                && trialNumbers.stream()
                        .sorted()
                        .toList()
                        .equals(java.util.stream.IntStream.range(0, trialNumbers.size())
                                .boxed()
                                .toList());
    }

    /** Whether every worker finished at least one trial. */
    public boolean everyWorkerContributed() {
        return trialsPerWorker.values().stream().allMatch(n -> n > 0);
    }

    /** The per-worker counts as "worker 0: 10, worker 1: 10". */
    String describeWorkers() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Integer, Integer> e : trialsPerWorker.entrySet()) {
            out.append(out.length() == 0 ? "" : ", ")
                    .append("worker ")
                    .append(e.getKey())
                    .append(": ")
                    .append(e.getValue());
        }
        return out.toString();
    }
}
