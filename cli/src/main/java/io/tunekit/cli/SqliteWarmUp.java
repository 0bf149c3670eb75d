package io.tunekit.cli;

import java.util.Locale;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.core.NativeDB;

/**
 * Readies SQLite on a second thread while the main thread reads the command line: loading the
 * driver's native library and building its first {@link SQLiteConfig} (whose date formats pull
 * in the JDK's calendar and locale data) is a fixed cost of every command on a SQLite storage,
 * about as large as picocli's reading of the command's annotations, and the two need not wait
 * for each other on a machine with a second core. The command's own connection then finds both
 * done; nothing it does depends on whether the warm-up ran, finished or failed.
 */
final class SqliteWarmUp {

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
        thread.start();
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
        try {
            NativeDB.load();
            new SQLiteConfig();
        } catch (Exception | LinkageError e) {
            // The command's own connection meets the same problem and reports it.
        }
    }
}
