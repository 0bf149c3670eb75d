package io.tunekit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The terminal progress line of {@link Study#optimize}: trials done out of the total (or elapsed
 * time out of the timeout), the best value so far and an estimate of the time left. Redrawn in
 * place with a carriage return, at most every 100 ms and after the last trial. It draws nothing
 * when the output is not a terminal, so logs and CI output stay clean.
 */
final class ProgressBar {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final Integer total;
    private final Duration timeout;
    private final long start;
    private long lastDraw;
    private int done;
    private FrozenTrial best;
    private int lastLength;

    ProgressBar(PrintStream out, boolean enabled, Integer total, Duration timeout, long startNanos) {
        this.out = out;
        this.enabled = enabled;
        this.total = total;
        this.timeout = timeout;
        this.start = startNanos;
    }

    /** A bar on standard error, drawn only when this JVM is attached to a terminal. */
    static ProgressBar forTerminal(boolean requested, OptimizeOptions options, long startNanos) {
        boolean terminal = System.console() != null;
        return new ProgressBar(
                System.err,
                requested && terminal,
                options.trialCount().isPresent() ? options.trialCount().getAsInt() : null,
                options.timeout().orElse(null),
                startNanos);
    }

    /** Records a finished trial (with the best trial so far, or null) and redraws if due. */
    synchronized void trialFinished(FrozenTrial bestSoFar, long nowNanos) {
        done++;
        if (bestSoFar != null) {
            best = bestSoFar;
        }
        if (enabled && nowNanos - lastDraw >= REDRAW_NANOS) {
            draw(nowNanos);
        }
    }

    /** Draws the final state and ends the line. */
    synchronized void close(long nowNanos) {
        if (enabled && done > 0) {
            draw(nowNanos);
            out.println();
            out.flush();
        }
    }

    /** The progress line for the current state (without the carriage return). */
    synchronized String render(long nowNanos) {
        double elapsed = (nowNanos - start) / 1e9;
        double fraction;
        String count;
        String eta;
        if (total != null) {
            fraction = Math.min(1, (double) done / total);
            count = done + "/" + total + " trials";
            eta = done == 0 ? "?" : clock(elapsed / done * (total - done));
        } else {
            count = done + " trials";
            fraction = timeout == null ? 0 : Math.min(1, elapsed / Math.max(1e-9, timeout.toNanos() / 1e9));
            eta = timeout == null ? "?" : clock(Math.max(0, timeout.toNanos() / 1e9 - elapsed));
        }
        if (total != null && timeout != null) {
            fraction = Math.max(fraction, Math.min(1, elapsed / Math.max(1e-9, timeout.toNanos() / 1e9)));
        }
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String limit = timeout == null ? "" : "/" + clock(timeout.toNanos() / 1e9);
        String bestText = best == null ? "-" : best.value() + " (trial " + best.number() + ")";
        return String.format(
                Locale.ROOT,
                "[%s] %3d%% %s | elapsed %s%s | ETA %s | best %s",
                bar,
                Math.round(fraction * 100),
                count,
                clock(elapsed),
                limit,
                eta,
                bestText);
    }

    private void draw(long nowNanos) {
        lastDraw = nowNanos;
        String line = render(nowNanos);
        // Pad with spaces so a shorter line fully overwrites a longer previous one.
        String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
        lastLength = line.length();
        out.print("\r" + padded);
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
