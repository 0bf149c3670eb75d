package io.tunekit.cli;

import java.util.Locale;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.core.NativeDB;

/**
 * Readies SQLite on a second thread while the main thread reads the command line: pointing the
 * driver at the cached native library ({@link SqliteNativeCache}, whose platform detection lists
 * the process's mapped files), loading it, and building the driver's first {@link SQLiteConfig}
 * (whose date formats pull in the JDK's calendar and locale data) are a fixed cost of every
 * command on a SQLite storage, larger than picocli's reading of the command's annotations, and
 * the two need not wait for each other on a machine with a second core. The main thread waits
 * for the warm-up ({@link #await}) before it opens a storage, so the driver is always configured
 * first; nothing a command does depends on whether the warm-up succeeded.
 */
final class SqliteWarmUp {

    /** The running or finished warm-up of this process, if one was started. */
    private static volatile Thread warmUp;

    private SqliteWarmUp() {}

    /**
     * Starts the warm-up if the arguments or the storage variables name a SQLite storage; a
     * daemon thread, so that it never holds the process up.
     *
     * @param env the environment ({@code TUNEKIT_STORAGE}, {@code OPTUNA_STORAGE})
     * @param args the command line
     */
    static void start(Map<String, String> env, String... args) {
        if (!namesSqlite(env, args)) {
            return;
        }
        Thread thread = new Thread(SqliteWarmUp::prepare, "tunekit-sqlite-warm-up");
        thread.setDaemon(true);
        warmUp = thread;
        thread.start();
    }

    /** Waits until the warm-up, if one was started, has finished: before a storage is opened. */
    static void await() {
        Thread thread = warmUp;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERNAL, "interrupted while preparing SQLite", e);
        }
    }

    /**
     * Whether SQLite may be used: a guess, since picocli has not read the options yet; a wrong
     * guess only wastes the warm-up or saves nothing.
     */
    static boolean namesSqlite(Map<String, String> env, String... args) {
        for (String arg : args) {
            if (mentionsSqlite(arg)) {
                return true;
            }
        }
        return mentionsSqlite(env.get("TUNEKIT_STORAGE")) || mentionsSqlite(env.get("OPTUNA_STORAGE"));
    }

    private static boolean mentionsSqlite(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("sqlite:");
    }

    private static void prepare() {
        SqliteNativeCache.configure();
        try {
            NativeDB.load();
            new SQLiteConfig();
        } catch (Exception | LinkageError e) {
            // The command's own connection meets the same problem and reports it.
        }
    }
}
