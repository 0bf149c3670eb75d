package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite files as users hand them over: another application's database is refused and left
 * byte for byte as it was; a result that cannot be written (a read-only file or directory, an
 * archive) is read, and writing to it fails with a clear error.
 */
class SqliteFilesTest {

    @TempDir
    Path dir;

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftByteForByte() throws Exception {
        Path app = dir.resolve("app.db");
        sql(app, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO users VALUES (1, 'ada')");
        Path trials = dir.resolve("trials.db");
        sql(trials, "CREATE TABLE trials (id INTEGER PRIMARY KEY, patient TEXT)", "INSERT INTO trials VALUES (1, 'x')");
        Path bare = dir.resolve("bare.db");
        sql(bare, "CREATE TABLE trials (id INTEGER PRIMARY KEY, patient TEXT)");
        for (Path file : List.of(app, trials, bare)) {
            byte[] before = Files.readAllBytes(file);
            List<Path> filesBefore = files();
            assertThatThrownBy(() -> Storages.open("sqlite:" + file))
                    .as(file.toString())
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("not Optuna's")
                    .hasMessageContaining("leaves");
            assertThat(Files.readAllBytes(file)).as(file + " byte for byte").isEqualTo(before);
            assertThat(files()).as("no journal or WAL files left").isEqualTo(filesBefore);
            assertThat(journalMode(file)).isEqualTo("delete");
        }
    }

    @Test
    void readOnlyOpensReadsAndRefusesWritesWithoutChangingTheFile() throws Exception {
        Path db = dir.resolve("result.db");
        writeResult(db);
        sql(db, "PRAGMA journal_mode=DELETE");
        byte[] before = Files.readAllBytes(db);
        try (JdbcStorage storage = Storages.builder("sqlite:" + db).readOnly().build()) {
            assertReadsAndRefusesWrites(storage);
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(journalMode(db)).isEqualTo("delete");
    }

    @Test
    void aResultInAReadOnlyDirectoryIsReadable() throws Exception {
        for (String journal : List.of("WAL", "DELETE")) {
            Path source = dir.resolve("src-" + journal);
            Files.createDirectories(source);
            Path db = source.resolve("result.db");
            writeResult(db);
            sql(db, "PRAGMA journal_mode=" + journal);
            try (ReadOnlyView view = ReadOnlyView.of(source, dir.resolve("ro-" + journal))) {
                Path file = view.path().resolve("result.db");
                byte[] before = Files.readAllBytes(file);
                try (JdbcStorage storage = Storages.open("sqlite:" + file)) {
                    assertReadsAndRefusesWrites(storage);
                }
                assertThat(Files.readAllBytes(file)).isEqualTo(before);
            }
        }
    }

    @Test
    void aReadOnlyFileIsReadable() throws Exception {
        assumeTrue(!isRoot(), "root writes read-only files; the read-only directory test covers root");
        Path db = dir.resolve("archived.db");
        writeResult(db);
        sql(db, "PRAGMA journal_mode=DELETE");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            assertReadsAndRefusesWrites(storage);
        }
    }

    private static void writeResult(Path db) {
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            Study study = Study.builder()
                    .name("archived")
                    .storage(storage)
                    .sampler(new RandomSampler(3))
                    .build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(5));
        }
    }

    private static void assertReadsAndRefusesWrites(JdbcStorage storage) {
        long id = storage.findStudy("archived").orElseThrow();
        List<FrozenTrial> trials = storage.trials(id, EnumSet.allOf(TrialState.class));
        assertThat(trials).hasSize(5).allMatch(t -> t.state() == TrialState.COMPLETE, "COMPLETE");
        assertThat(Study.load("archived", storage).bestTrial().params()).containsKey("x");
        assertThatThrownBy(() -> storage.createStudy("new", List.of(Direction.MINIMIZE)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> storage.createTrial(id, null, List.of()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> storage.setStudyUserAttr(id, "k", 1))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("read-only");
    }

    private List<Path> files() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(out::add);
        }
        return out;
    }

    static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String journalMode(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * A directory this process cannot write: a read-only bind mount for root (who writes
     * whatever the permissions say), else the directory itself with its write bits removed.
     */
    record ReadOnlyView(Path path, boolean mounted, Path original) implements AutoCloseable {
        static ReadOnlyView of(Path source, Path target) throws Exception {
            if (!isRoot()) {
                Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("r-xr-xr-x"));
                return new ReadOnlyView(source, false, source);
            }
            Files.createDirectories(target);
            run("mount", "--bind", source.toString(), target.toString());
            run("mount", "-o", "remount,bind,ro", target.toString());
            return new ReadOnlyView(target, true, source);
        }

        @Override
        public void close() throws Exception {
            if (mounted) {
                run("umount", path.toString());
            } else {
                Files.setPosixFilePermissions(original, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() == 0, String.join(" ", command) + " failed (needs mount rights): " + out);
    }
}
