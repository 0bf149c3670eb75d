package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tunekit processes and an Optuna process (3.1 or 5.0) open a database nobody has created yet,
 * released at one instant: the database ends with one schema revision row, every Tunekit
 * process opens it, and the Optuna of that revision opens it afterwards. (Each Optuna version
 * opens only its own revision; two Optuna processes racing with each other are Optuna's own
 * business and not tested here.) Optuna 3.1 on SQLite, where it stamps the old revision, and
 * Optuna 5.0 on PostgreSQL, where it creates the enum types Tunekit creates too.
 */
@Timeout(300)
class SchemaRaceTest {

    private static final String OPTUNA31 = "/usr/bin/python3";
    private static final int ROUNDS = 1;

    @TempDir
    Path dir;

    @Test
    void withOptuna31OnSqlite() throws Exception {
        assumeOptuna31("sqlite3");
        for (int round = 0; round < ROUNDS; round++) {
            Path db = dir.resolve("race31-" + round + ".db");
            race("sqlite:" + db, "sqlite:///" + db, OPTUNA31, round);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = Optuna5InteropTest.PYTHON_ENV, matches = ".+")
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void withOptuna5OnPostgres() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            ServerDatabases.inOwnDatabase(
                    ServerDatabases.postgresUrl(),
                    url -> race(
                            url, Optuna5InteropTest.sqlalchemy(url), System.getenv(Optuna5InteropTest.PYTHON_ENV), r));
        }
    }

    /**
     * The race the timing above makes rare, made certain: Optuna 3.1 has created its tables (no
     * revision row yet) when a Tunekit process opens the file, and stamps its revision a second
     * later, as its check of the (then empty) revision table came first. Tunekit must wait for
     * the stamp instead of writing its own: one row, Optuna's.
     */
    @Test
    void tunekitWaitsForTheRevisionOfTablesOptunaIsCreating() throws Exception {
        assumeOptuna31("sqlite3");
        Path db = dir.resolve("stamped-later.db");
        Process p = new ProcessBuilder(
                        OPTUNA31,
                        "-c",
                        "import sqlalchemy; from optuna.storages._rdb import models; "
                                + "models.BaseModel.metadata.create_all(sqlalchemy.create_engine('sqlite:///" + db
                                + "'))")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        // Tunekit opens; Optuna stamps when that open has returned or after 3 s, whichever is
        // first (within the 5 s Tunekit waits for a stamp)
        java.util.concurrent.CompletableFuture<Void> opened = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
                storage.createStudy("after", List.of(io.tunekit.Direction.MINIMIZE));
            }
        });
        try {
            opened.get(3, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            // Tunekit waits for the stamp, as it should
        }
        SqliteFilesTest.sql(
                db,
                "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, "
                        + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version (version_num) VALUES ('v3.0.0.d')");
        opened.get(60, TimeUnit.SECONDS);
        assertThat(revisions("sqlite:" + db)).containsExactly("v3.0.0.d");
    }

    /**
     * Optuna (another session) creates the enum type {@code trialstate} while Tunekit creates the
     * schema: Tunekit's CREATE TYPE waits for that session and then meets a unique violation in
     * pg_type. It must retry and end with a usable database, not fail with the raw error.
     */
    @Test
    @EnabledIfEnvironmentVariable(named = ServerDatabases.POSTGRES_ENV, matches = ".+")
    void aTypeAnotherSessionCreatesMeanwhileIsNoError() throws Exception {
        ServerDatabases.inOwnDatabase(ServerDatabases.postgresUrl(), url -> {
            try (Connection other =
                            DriverManager.getConnection(StorageUrl.parse(url).jdbcUrl());
                    Statement s = other.createStatement()) {
                other.setAutoCommit(false);
                s.execute("CREATE TYPE trialstate AS ENUM ('RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING')");
                java.util.concurrent.CompletableFuture<Void> opened = java.util.concurrent.CompletableFuture.runAsync(
                        () -> Storages.open(url).close());
                Thread.sleep(1500); // Tunekit now waits on the uncommitted type
                other.commit();
                opened.get(60, TimeUnit.SECONDS);
            }
            assertThat(revisions(url)).containsExactly("v3.2.0.a");
            try (JdbcStorage storage = Storages.open(url)) {
                storage.createStudy("usable", List.of(io.tunekit.Direction.MINIMIZE));
            }
        });
    }

    private void race(String url, String optunaUrl, String python, int round) throws Exception {
        Path work = Files.createDirectories(dir.resolve("round-" + python.hashCode() + "-" + round));
        Path script = work.resolve("optuna_worker.py");
        try (InputStream in = SchemaRaceTest.class.getResourceAsStream("/optuna/optuna_worker.py")) {
            Files.copy(in, script);
        }
        Workers workers = new Workers(work);
        int optunaIndex = 1;
        workers.start("mode=open", "url=" + url, "study=race");
        workers.startCommand(
                List.of(python, script.toString(), "open", optunaUrl, "race", work.toString(), "1"),
                Map.of("TZ", "UTC"));
        workers.start("mode=open", "url=" + url, "study=race");
        workers.releaseAll();
        List<Integer> codes = workers.awaitAll(Duration.ofSeconds(120));
        String stderr = workers.allStderr();
        List<Integer> tunekit = new ArrayList<>(codes);
        tunekit.remove(optunaIndex);
        assertThat(tunekit).as("Tunekit processes: " + stderr).containsOnly(0);
        List<String> revisions = revisions(url);
        assertThat(revisions)
                .as("one revision row; Optuna said: " + workers.stderr(optunaIndex))
                .hasSize(1);
        try (JdbcStorage storage = Storages.open(url)) {
            assertThat(storage.findStudy("race")).isPresent();
        }
        String optunaRevision = python.equals(OPTUNA31) ? "v3.0.0.d" : "v3.2.0.a";
        if (revisions.get(0).equals(optunaRevision)) {
            Process p = new ProcessBuilder(python, script.toString(), "dump", optunaUrl, "race", work.toString(), "9")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("dump.log").toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as("Optuna opens the database: " + Files.readString(work.resolve("dump.log")))
                    .isZero();
        }
    }

    private static List<String> revisions(String url) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(StorageUrl.parse(url).jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void assumeOptuna31(String driver) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(OPTUNA31)), OPTUNA31 + " is missing");
        Process p = new ProcessBuilder(OPTUNA31, "-c", "import optuna, " + driver)
                .redirectErrorStream(true)
                .start();
        assumeTrue(
                p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "optuna and " + driver + " are not installed for " + OPTUNA31);
    }
}
