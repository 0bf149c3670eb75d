package io.tunekit;

import io.tunekit.storage.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats of the trials one optimize loop runs, on storages that record them (Optuna's
 * {@code _heartbeat.py}): a beat per running trial at the storage's interval on one daemon
 * thread, and the sweep that fails trials whose worker stopped beating.
 */
final class Heartbeats implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());

    private final Storage storage;
    private final Duration interval;
    private final ScheduledExecutorService beats;

    private Heartbeats(Storage storage, Duration interval, String studyName) {
        this.storage = storage;
        this.interval = interval;
        this.beats = Executors.newSingleThreadScheduledExecutor(Threads.daemon("tunekit-heartbeat-" + studyName));
    }

    /** Heartbeats for a loop, if the storage records them. */
    static Optional<Heartbeats> start(Storage storage, String studyName) {
        return storage.heartbeatInterval().map(interval -> new Heartbeats(storage, interval, studyName));
    }

    /**
     * Fails the study's trials whose worker stopped beating, logs each and hands it to the
     * callback (e.g. a retry). Nothing to do on a storage without heartbeats.
     */
    static void failStaleTrials(Study study, Optional<TrialCallback> staleTrialCallback) {
        Storage storage = study.storage();
        if (storage.heartbeatInterval().isEmpty()) {
            return;
        }
        for (FrozenTrial failed : storage.failStaleTrials(study.studyId())) {
            LOG.log(
                    Level.WARNING,
                    "Trial {0} of study ''{1}'' failed: its worker stopped sending heartbeats.",
                    failed.number(),
                    study.name());
            staleTrialCallback.ifPresent(callback -> callback.onTrialFinished(study, failed));
        }
    }

    /** Beats for the trial until the returned handle is cancelled; the first beat is now. */
    ScheduledFuture<?> beatFor(Trial trial) {
        return beats.scheduleAtFixedRate(
                () -> record(trial), 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void record(Trial trial) {
        try {
            storage.recordHeartbeat(trial.id());
        } catch (RuntimeException e) {
            // A missed beat must never kill the heartbeat: the next one may well succeed, and a
            // silent heartbeat thread would get a live worker's trial failed as stale.
            LOG.log(
                    Level.WARNING,
                    "Heartbeat of trial " + trial.number() + " failed; retrying at the next interval",
                    e);
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
