package io.tunekit.cli;

import static io.tunekit.cli.Cli.oneLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunekit.Direction;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.analysis.importance.Importance;
import io.tunekit.analysis.importance.ParamImportances;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code importance}, {@code report} and {@code dashboard}, in-process on a SQLite file whose
 * study has a known important parameter (objective {@code 10 x0 + x1}), and the read-only
 * opening of every command that only reads.
 */
class AnalysisCommandsTest {

    @TempDir
    static Path dir;

    private static String url;
    private static Cli cli;

    @BeforeAll
    static void studies() {
        url = "sqlite:///" + dir.resolve("analysis.db");
        try (Storage storage = Storages.open(url)) {
            Study study = Study.builder()
                    .name("linear")
                    .direction(Direction.MINIMIZE)
                    .sampler(new RandomSampler(5))
                    .storage(storage)
                    .build();
            study.optimize(
                    t -> 10 * t.suggestFloat("x0", 0, 1) + t.suggestFloat("x1", 0, 1), OptimizeOptions.trials(40));
            Study one = Study.builder()
                    .name("one trial")
                    .sampler(new RandomSampler(5))
                    .storage(storage)
                    .build();
            one.optimize(t -> t.suggestFloat("x0", 0, 1), OptimizeOptions.trials(1));
            Study two = Study.builder()
                    .name("two objectives")
                    .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                    .sampler(new RandomSampler(5))
                    .storage(storage)
                    .build();
            two.optimizeMulti(
                    t -> {
                        double a = t.suggestFloat("a", 0, 1);
                        double b = t.suggestFloat("b", 0, 1);
                        return new double[] {a + 0.01 * b, 10 * b};
                    },
                    OptimizeOptions.trials(30));
        }
        cli = Cli.on(url);
    }

    private static ParamImportances expected() {
        try (Storage storage = Storages.open(url)) {
            return Importance.of(Study.load("linear", storage));
        }
    }

    @Test
    void importanceJsonIsOptunasOrderedMappingWithTheAnalysisModulesValues() {
        Cli.Result r = cli.run("importance", "--study-name", "linear", "-f", "json");
        JsonNode json = r.json();
        List<String> order = new ArrayList<>();
        json.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("x0", "x1");
        assertThat(json.get("x0").asDouble()).isGreaterThan(0.8);
        assertThat(json.get("x0").asDouble() + json.get("x1").asDouble())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        // Python's repr of a double round-trips: the CLI prints exactly what the API computes.
        ParamImportances api = expected();
        assertThat(json.get("x0").asDouble()).isEqualTo(api.get("x0").importance());
        assertThat(json.get("x1").asDouble()).isEqualTo(api.get("x1").importance());
        assertThat(r.out()).startsWith("{\"x0\": ");
    }

    @Test
    void importanceTableAndValueListTheParametersMostImportantFirst() {
        String table = cli.ok("importance", "--study", "linear");
        List<String> lines = table.lines().toList();
        assertThat(lines.get(1)).matches("\\| param +\\| +importance \\|");
        assertThat(lines.get(3)).startsWith("| x0 ");
        assertThat(lines.get(4)).startsWith("| x1 ");
        assertThat(lines).hasSize(6);

        String value = cli.ok("importance", "--study-name", "linear", "-f", "value", "--params", "x1,x0");
        assertThat(value.lines().map(l -> l.split(" ")[0])).containsExactly("x0", "x1");
    }

    @Test
    void forestEvaluatorsAreSeededAndIntervalsAreExtraFieldsOnlyWhenAsked() {
        JsonNode fanova =
                cli.json("importance", "--study-name", "linear", "--evaluator", "fanova", "--seed", "3", "-f", "json");
        assertThat(fanova.fieldNames().next()).isEqualTo("x0");
        assertThat(cli.json(
                        "importance", "--study-name", "linear", "--evaluator", "fanova", "--seed", "3", "-f", "json"))
                .isEqualTo(fanova);
        JsonNode mdi = cli.json("importance", "--study-name", "linear", "--evaluator", "mdi", "-f", "json");
        assertThat(mdi.get("x0").asDouble()).isGreaterThan(mdi.get("x1").asDouble());

        JsonNode withIntervals =
                cli.json("importance", "--study-name", "linear", "--intervals", "20", "--seed", "1", "-f", "json");
        for (String p : List.of("x0", "x1")) {
            JsonNode fields = withIntervals.get(p);
            List<String> names = new ArrayList<>();
            fields.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("importance", "lower", "upper");
            assertThat(fields.get("lower").asDouble())
                    .isLessThanOrEqualTo(fields.get("upper").asDouble());
        }
        assertThat(withIntervals.get("x0").get("importance").asDouble())
                .isEqualTo(expected().get("x0").importance());
        String table = cli.ok("importance", "--study-name", "linear", "--intervals", "20");
        assertThat(table.lines().toList().get(1)).contains("lower", "upper");
        assertThat(cli.ok("importance", "--study-name", "linear")).doesNotContain("lower");
    }

    @Test
    void aMultiObjectiveStudyExplainsTheObjectiveNamed() {
        JsonNode second = cli.json("importance", "--study-name", "two objectives", "--objective", "1", "-f", "json");
        assertThat(second.fieldNames().next()).isEqualTo("b");
        JsonNode first = cli.json("importance", "--study-name", "two objectives", "--objective", "0", "-f", "json");
        assertThat(first.fieldNames().next()).isEqualTo("a");
    }

    @Test
    void importanceErrorsAreOneLineWithTheirExitStatus() {
        oneLine(cli.run("importance", "--study-name", "one trial"), ExitCode.CONFLICT, "'one trial'", "at least 2");
        oneLine(cli.run("importance", "--study-name", "linear", "--params", "x0,zz"), ExitCode.NOT_FOUND, "'zz'", "x1");
        oneLine(cli.run("importance", "--study-name", "nope"), ExitCode.NOT_FOUND, "'nope'");
        oneLine(
                cli.run("importance", "--study-name", "linear", "--evaluator", "shap"),
                ExitCode.USAGE,
                "shap",
                "fanova");
        oneLine(
                cli.run("importance", "--study-name", "linear", "--intervals", "5"),
                ExitCode.USAGE,
                "--intervals",
                "20");
        oneLine(cli.run("importance", "--study-name", "two objectives"), ExitCode.USAGE, "--objective");
        oneLine(
                cli.run("importance", "--study-name", "two objectives", "--objective", "2"),
                ExitCode.USAGE,
                "--objective 2");
        Cli.Result debug = cli.run("importance", "--study-name", "one trial", "--debug");
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void reportWritesOneSelfContainedFileWithTheStudysData() throws Exception {
        Path out = dir.resolve("reports").resolve("linear.html");
        String printed = cli.ok("report", "--study-name", "linear", "--out", out.toString());
        assertThat(printed).startsWith("Wrote " + out + " (").endsWith(" bytes)\n");
        String html = Files.readString(out);
        assertThat(html)
                .contains("id=\"tunekit-data\"", "\"name\":\"linear\"", "\"x0\"", "\"x1\"", "connect-src 'none'")
                .doesNotContain("<script src=", "<link rel=\"stylesheet\"");
        oneLine(
                cli.run(
                        "report",
                        "--study",
                        "nope",
                        "--out",
                        dir.resolve("nope.html").toString()),
                ExitCode.NOT_FOUND,
                "nope");
        assertThat(dir.resolve("nope.html")).doesNotExist();
    }

    /** A writer that completes {@link #address} with the first http:// address printed on it. */
    private static final class AddressWatch extends Writer {
        final StringBuffer text = new StringBuffer();
        final CompletableFuture<URI> address = new CompletableFuture<>();
        private static final Pattern URL = Pattern.compile("(http://\\S+/)");

        @Override
        public void write(char[] buf, int off, int len) {
            text.append(buf, off, len);
            Matcher m = URL.matcher(text);
            if (m.find()) {
                address.complete(URI.create(m.group(1)));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void dashboardServesTheStorageUntilItsThreadIsInterrupted() throws Exception {
        String[] args = {"dashboard", "--storage", url, "--port", "0"};
        CommandLine cl = Tunekit.commandLine(Map.of(), args);
        AddressWatch out = new AddressWatch();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        AtomicInteger status = new AtomicInteger(-1);
        Thread serving = new Thread(() -> status.set(cl.execute(args)), "dashboard-under-test");
        serving.start();
        URI base;
        try {
            base = out.address.get(60, TimeUnit.SECONDS);
            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> studies = http.send(
                    HttpRequest.newBuilder(base.resolve("api/studies")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(studies.statusCode()).isEqualTo(200);
            assertThat(studies.body()).contains("\"name\":\"linear\"", "\"name\":\"two objectives\"");
            HttpResponse<String> importance = http.send(
                    HttpRequest.newBuilder(base.resolve("api/studies/linear/importance?objective=0"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(importance.body()).contains("\"available\":true", "\"param\":\"x0\"");
        } finally {
            serving.interrupt();
            serving.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(status.get()).as("stderr: %s", err).isZero();
        HttpClient http = HttpClient.newHttpClient();
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(base.resolve("api/studies")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .as("stopped")
                .isInstanceOf(IOException.class);
    }

    @Test
    void dashboardErrorsAreOneLine() throws Exception {
        oneLine(
                cli.run("dashboard", "--storage", "sqlite:///" + dir.resolve("absent.db"), "--port", "0"),
                ExitCode.STORAGE,
                "absent.db");
        assertThat(dir.resolve("absent.db")).doesNotExist();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            oneLine(
                    cli.run("dashboard", "--port", Integer.toString(taken.getLocalPort())),
                    ExitCode.USAGE,
                    Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void everyCommandThatOnlyReadsLeavesTheFileAsItWas() throws Exception {
        Path db = dir.resolve("archive").resolve("result.db");
        Files.createDirectories(db.getParent());
        String archive = "sqlite:///" + db;
        try (Storage storage = Storages.open(archive)) {
            Study study = Study.builder()
                    .name("archived")
                    .sampler(new RandomSampler(2))
                    .storage(storage)
                    .build();
            study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), OptimizeOptions.trials(6));
        }
        // A writable opening switches a file in rollback-journal mode to WAL; a read-only one cannot.
        sql(db, "PRAGMA journal_mode=DELETE");
        byte[] before = Files.readAllBytes(db);
        Cli reader = Cli.on(archive);
        Path exported = dir.resolve("archived.csv");
        List<String[]> commands = List.of(
                new String[] {"studies"},
                new String[] {"study-names"},
                new String[] {"trials", "--study-name", "archived"},
                new String[] {"best-trial", "--study-name", "archived"},
                new String[] {"best-trials", "--study-name", "archived"},
                new String[] {"export", "--study-name", "archived", "--output", exported.toString()},
                new String[] {"watch", "--study-name", "archived", "--until", "6"},
                new String[] {"importance", "--study-name", "archived"},
                new String[] {
                    "copy-study", "--study-name", "archived", "--to-storage", "sqlite:///" + dir.resolve("copy.db")
                },
                new String[] {
                    "report",
                    "--study-name",
                    "archived",
                    "--out",
                    dir.resolve("archived.html").toString()
                });
        for (String[] command : commands) {
            reader.ok(command);
        }
        assertThat(exported).isNotEmptyFile();
        assertThat(Files.readAllBytes(db)).as("byte for byte").isEqualTo(before);
        assertThat(journalMode(db)).isEqualTo("delete");
        try (var files = Files.list(db.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.db");
        }
        // The same commands that write still can.
        reader.ok("study", "set-user-attr", "--study-name", "archived", "--key", "k", "--value", "v");
        assertThat(journalMode(db)).isEqualTo("wal");
    }

    private static void sql(Path db, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute(statement);
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
}
