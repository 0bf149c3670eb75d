package io.tunekit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line of the dashboard jar: the report command and its errors. */
class DashboardMainTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cl = DashboardMain.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void reportWritesOneFileForAStudy() throws Exception {
        String url = "sqlite:" + dir.resolve("s.db");
        try (Storage storage = Storages.open(url)) {
            StudyFixtures.multiObjective(storage, "mo", 5);
        }
        Path out = dir.resolve("r.html");
        assertThat(run(new StringWriter(), "report", "--storage", url, "--study", "mo", "--out", out.toString()))
                .isZero();
        assertThat(Files.readString(out)).contains("id=\"tunekit-data\"").contains("\"name\":\"mo\"");
    }

    @Test
    void anUnknownStudyOrAMissingDatabaseIsOneLineAndExitCode2() throws Exception {
        String url = "sqlite:" + dir.resolve("s.db");
        try (Storage storage = Storages.open(url)) {
            StudyFixtures.multiObjective(storage, "mo", 2);
        }
        StringWriter err = new StringWriter();
        assertThat(run(
                        err,
                        "report",
                        "--storage",
                        url,
                        "--study",
                        "nope",
                        "--out",
                        dir.resolve("x.html").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains("nope").doesNotContain("\tat ");

        StringWriter missing = new StringWriter();
        Path absent = dir.resolve("absent.db");
        assertThat(run(missing, "report", "--storage", "sqlite:" + absent, "--study", "mo"))
                .isEqualTo(2);
        assertThat(missing.toString()).contains("There is no SQLite database at");
        assertThat(absent).doesNotExist();
    }

    @Test
    void theServerRefusesAMalformedUrlAtOnce() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "dashboard", "--storage", "mongodb://x", "--port", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("mongodb://x").contains("not supported");
    }
}
