package io.tunekit.storage.jdbc;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.internal.MutableTrial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One process's memory of trials it need not read again: finished trials (they never change)
 * and the trials this process started and runs, whose every write goes through this process and
 * is applied here too, so that reading them costs no query.
 */
final class OwnedTrials {

    /** Finished trials by id: they never change. */
    private final Map<Long, FrozenTrial> finished = new ConcurrentHashMap<>();
    /** Trials this process started and runs, by id. */
    private final Map<Long, FrozenTrial> running = new ConcurrentHashMap<>();

    /** Remembers a trial this process has just started. */
    void started(FrozenTrial trial) {
        running.put(trial.id(), trial);
    }

    /** This process's snapshot of a trial it runs. */
    Optional<FrozenTrial> running(long trialId) {
        return Optional.ofNullable(running.get(trialId));
    }

    /** A finished trial read or finished before. */
    Optional<FrozenTrial> finished(long trialId) {
        return Optional.ofNullable(finished.get(trialId));
    }

    /** Applies a write this process made to a trial it runs (nothing if it does not run it). */
    void change(long trialId, Consumer<MutableTrial> change) {
        running.computeIfPresent(trialId, (id, t) -> {
            MutableTrial m = MutableTrial.of(t);
            change.accept(m);
            return m.build();
        });
    }

    /**
     * This process finished a trial it ran ({@code won}: its finishing write took effect), or
     * learnt that someone else did: the running snapshot is dropped, and the finished one kept if
     * it is known exactly.
     */
    void finishedHere(long trialId, boolean won, TrialState state, List<Double> values, Instant complete) {
        FrozenTrial mine = running.remove(trialId);
        if (won && mine != null) {
            finished.put(
                    trialId,
                    MutableTrial.of(mine)
                            .state(state)
                            .values(values)
                            .datetimeComplete(complete)
                            .build());
        }
    }

    /** Keeps a trial read in a finished state (and forgets running it, if this process did). */
    void finishedElsewhere(FrozenTrial trial) {
        running.remove(trial.id());
        finished.put(trial.id(), trial);
    }

    /** Forgets a trial this process ran that turned out to be finished (by a stale sweep). */
    void lost(long trialId) {
        running.remove(trialId);
    }

    /** The finished-trial map a {@link TrialCache} refresh adds to. */
    Map<Long, FrozenTrial> finishedById() {
        return finished;
    }

    /** Forgets the trials of a deleted study. */
    void forget(Collection<Long> trialIds) {
        trialIds.forEach(id -> {
            finished.remove(id);
            running.remove(id);
        });
    }
}
