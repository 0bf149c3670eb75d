package io.tunekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library extracted once, in a directory of Tunekit's own, instead of
 * letting the driver copy it out of the jar into {@code /tmp} at every start. A command run once
 * per trial saves that copy, and concurrent processes no longer race on the driver's clean-up of
 * {@code /tmp} (which deletes other JVMs' copies and logs "Failed to delete old native lib" on
 * stderr when two processes do it at once). Uses the driver's documented settings
 * {@code org.sqlite.lib.path}, {@code org.sqlite.lib.name} and {@code org.sqlite.tmpdir}.
 */
final class SqliteNativeCache {

    /** The system property naming the cache directory; {@code bin/tunekit} sets it. */
    static final String PROPERTY = "tunekit.sqlite.native-cache";

    private SqliteNativeCache() {}

    /**
     * Points the driver at the library cached under the directory the {@link #PROPERTY} property
     * names, extracting it there first if needed. Does nothing when the property is unset or the
     * user configured the driver's library; on any I/O problem the driver's own behaviour stays.
     */
    static void configure() {
        String base = System.getProperty(PROPERTY);
        if (base == null || base.isBlank() || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            // The driver's platform detection forks `uname -o` and lists the process's mapped
            // files: a fixed cost of every start that would defeat the cache. So the directory is
            // named by what is cheap to know (driver version, OS, architecture, C library), and
            // the driver detects its platform only when the directory is filled.
            Path dir = Path.of(base, platformKey());
            String name = LibraryLoaderUtil.getNativeLibName();
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                extract(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name, dir, lib);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
            System.setProperty("org.sqlite.tmpdir", dir.toString());
        } catch (IOException | RuntimeException e) {
            // The driver extracts the library itself, as without the cache.
        }
    }

    /**
     * The cache directory's name: one per driver version and platform, so that a newer jar never
     * loads an older library, and a repository shared between machines keeps one library each.
     * A Linux with musl's loader installed gets a name of its own, as the driver's Linux-Musl
     * libraries differ from its glibc ones.
     */
    static String platformKey() {
        String key = SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.name") + "-"
                + System.getProperty("os.arch");
        key = key.replace(' ', '_').replace('/', '_'); // "Mac OS X", "Windows 10"
        return hasMuslLoader() ? key + "-musl" : key;
    }

    private static boolean hasMuslLoader() {
        Path lib = Path.of("/lib");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (DirectoryStream<Path> musl = Files.newDirectoryStream(lib, "ld-musl-*")) {
            return musl.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the library beside its final name, then renames it: a reader never sees half a file. */
    private static void extract(String resource, Path dir, Path lib) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no native library " + resource + " in the jar");
            }
            Path tmp = Files.createTempFile(dir, "extract", ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
