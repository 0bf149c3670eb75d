package io.tunekit;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The per-trial timeout of one optimize loop ({@link OptimizeOptions#trialTimeout}). When a
 * trial runs past its limit, a timer thread interrupts the objective's thread and fails the trial
 * at once with the reason. An objective that ignores the interrupt is reported: a warning when
 * it is still running a while later, naming the thread it keeps busy, and another line when it
 * finally returns. The loop waits for that thread like any other, so no thread is ever left
 * behind.
 */
final class TrialTimeouts implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());
    /** How long after the interrupt an objective that has not returned is reported. */
    private static final Duration STRAGGLER_REPORT = Duration.ofSeconds(1);

    private final Study study;
    private final Duration limit;
    private final ScheduledExecutorService timer;

    TrialTimeouts(Study study, Duration limit) {
        this.study = study;
        this.limit = limit;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(Threads.daemon("tunekit-trial-timeout-" + study.name()));
    }

    /** Starts the clock of a trial the calling thread is about to run. */
    Watch watch(Trial trial) {
        return new Watch(trial, Thread.currentThread());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private enum Phase {
        RUNNING,
        RETURNED,
        TIMED_OUT
    }

    /** One trial's clock. Its phase changes once, under its lock, from RUNNING. */
    final class Watch {
        private final Trial trial;
        private final Thread worker;
        private final long startNanos = System.nanoTime();
        private final ScheduledFuture<?> deadline;
        private Phase phase = Phase.RUNNING;
        private ScheduledFuture<?> stragglerReport;
        private boolean reportedAsStraggler;

        private Watch(Trial trial, Thread worker) {
            this.trial = trial;
            this.worker = worker;
            this.deadline = timer.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** The reason stored in the failed trial's {@code fail_reason}. */
        String reason() {
            return "The trial ran longer than its timeout of " + limit + " and its thread was interrupted.";
        }

        /**
         * Interrupts the worker and fails the trial, under the lock: the worker's
         * {@link #returned()} waits until the trial is failed, so the trial is finished once.
         */
        private synchronized void expire() {
            if (phase != Phase.RUNNING) {
                return;
            }
            phase = Phase.TIMED_OUT;
            worker.interrupt();
            stragglerReport = timer.schedule(this::reportStraggler, STRAGGLER_REPORT.toNanos(), TimeUnit.NANOSECONDS);
            try {
                study.tellRules().finish(trial.id(), Outcome.failed(reason()), TellRules.Teller.LOOP);
            } catch (RuntimeException e) {
                // The loop fails the trial with the same reason when the objective returns.
                LOG.log(Level.WARNING, "Could not fail timed-out trial " + trial.number() + " yet", e);
            }
        }

        private synchronized void reportStraggler() {
            if (phase != Phase.TIMED_OUT) {
                return;
            }
            reportedAsStraggler = true;
            LOG.log(
                    Level.WARNING,
                    "Trial {0} of study ''{1}'' is still running {2} after its timeout of {3} interrupted it: the"
                            + " objective ignores interruption. The trial is failed; thread ''{4}'' stays busy until"
                            + " the objective returns.",
                    trial.number(),
                    study.name(),
                    STRAGGLER_REPORT,
                    limit,
                    worker.getName());
        }

        /**
         * Called by the worker thread when the objective has returned or thrown.
         *
         * @return whether the trial timed out (it is then failed, and the objective's result or
         *     exception is discarded)
         */
        boolean returned() {
            boolean timedOut;
            synchronized (this) {
                timedOut = phase == Phase.TIMED_OUT;
                if (!timedOut) {
                    phase = Phase.RETURNED;
                }
                deadline.cancel(false);
                if (stragglerReport != null) {
                    stragglerReport.cancel(false);
                }
            }
            if (timedOut) {
                Thread.interrupted(); // the timeout's interrupt must not reach the next trial
                if (reportedAsStraggler) {
                    LOG.log(
                            Level.WARNING,
                            "The objective of timed-out trial {0} returned after {1}; its result is discarded.",
                            trial.number(),
                            Duration.ofNanos(System.nanoTime() - startNanos));
                }
            }
            return timedOut;
        }
    }
}
