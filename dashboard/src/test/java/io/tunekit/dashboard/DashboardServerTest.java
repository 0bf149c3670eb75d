package io.tunekit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over HTTP: what it answers, what it refuses, and what it sends on each poll. */
class DashboardServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Storage storage;
    private DashboardServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        storage = Storages.open("sqlite:" + dir.resolve("api.db"));
        server = DashboardServer.builder().storage(storage).port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
        storage.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Integer> numbers(JsonNode envelope) {
        List<Integer> out = new ArrayList<>();
        envelope.get("trials").forEach(row -> out.add(row.get(0).asInt()));
        return out;
    }

    @Test
    void studiesListCountsTrialsByStateWithTheBestValue() throws Exception {
        StudyFixtures.singleObjective(storage, "s/1 +x", 12);
        Study study = Study.load("s/1 +x", storage);
        JsonNode s = json("api/studies").get("studies").get(0);
        assertThat(s.get("name").asText()).isEqualTo("s/1 +x");
        assertThat(s.get("trialCount").asInt()).isEqualTo(12);
        int counted = 0;
        for (JsonNode n : s.get("states")) {
            counted += n.asInt();
        }
        assertThat(counted).isEqualTo(12);
        assertThat(s.get("best").get("number").asInt())
                .isEqualTo(study.bestTrial().number());
        assertThat(s.get("best").get("value").asDouble()).isEqualTo(study.bestValue());
        assertThat(s.get("start").asLong()).isPositive();
        assertThat(s.get("lastActivity").asLong())
                .isGreaterThanOrEqualTo(s.get("start").asLong());

        JsonNode one = json("api/studies/" + encode("s/1 +x"));
        assertThat(one.get("name").asText()).isEqualTo("s/1 +x");
    }

    @Test
    void aPollSendsOnlyNewTrialsAndTheUnfinishedOnesItNames() throws Exception {
        Study study = Study.builder()
                .name("live")
                .sampler(new RandomSampler(1))
                .storage(storage)
                .build();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        Trial running = study.ask();
        running.suggestFloat("x", 0, 1);

        JsonNode all = json("api/studies/live/trials");
        assertThat(numbers(all)).containsExactly(0, 1, 2, 3);
        assertThat(all.get("trialCount").asInt()).isEqualTo(4);
        assertThat(all.get("trials").get(3).get(1).asText()).isEqualTo("RUNNING");
        assertThat(all.get("params").get(0).get("name").asText()).isEqualTo("x");

        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("k", 1, 3), 2);
        JsonNode nothingNew = json("api/studies/live/trials?since=6");
        assertThat(numbers(nothingNew)).isEmpty();
        JsonNode delta = json("api/studies/live/trials?since=4&running=3");
        assertThat(numbers(delta)).containsExactly(3, 4, 5);
        assertThat(delta.get("trials").get(0).get(1).asText()).isEqualTo("RUNNING");
        // The params list covers the trials sent, each row indexing into it.
        assertThat(delta.get("params")).hasSize(2);

        study.tell(running, 0.5);
        JsonNode finished = json("api/studies/live/trials?since=6&running=3");
        assertThat(numbers(finished)).containsExactly(3);
        assertThat(finished.get("trials").get(0).get(1).asText()).isEqualTo("COMPLETE");
        assertThat(finished.get("trials").get(0).get(2).get(0).asDouble()).isEqualTo(0.5);

        JsonNode trial = json("api/studies/live/trials/3");
        assertThat(trial.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(trial.get("distributions").get("x").get("type").asText()).isEqualTo("float");
    }

    @Test
    void nonFiniteValuesAndMarkupTravelAsJsonData() throws Exception {
        StudyFixtures.oddStudies(storage);
        StudyFixtures.markup(storage);
        HttpResponse<String> r = get("api/studies/" + encode(StudyFixtures.NON_FINITE) + "/trials");
        JsonNode rows = JSON.readTree(r.body()).get("trials");
        assertThat(rows.get(1).get(2).get(0).asText()).isEqualTo("Infinity");
        assertThat(rows.get(2).get(2).get(0).asText()).isEqualTo("-Infinity");
        assertThat(rows.get(0).get(6).get(1).get(0).asText()).isEqualTo("NaN");

        HttpResponse<String> markup = get("api/studies/" + encode(StudyFixtures.XSS) + "/trials");
        assertThat(markup.body()).doesNotContain("<").doesNotContain(">").contains("\\u003Cscript\\u003E");
        JsonNode envelope = JSON.readTree(markup.body());
        assertThat(envelope.get("study").get("name").asText()).isEqualTo(StudyFixtures.XSS);
        assertThat(envelope.get("params").get(0).get("name").asText()).isEqualTo(StudyFixtures.XSS_PARAM);
        assertThat(markup.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(markup.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void badRequestsGetAClearMessageAndTheRightStatus() throws Exception {
        HttpResponse<String> unknown = get("api/studies/nope/trials");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText())
                .isEqualTo("There is no study named 'nope' in this storage");

        Study.builder().name("s").storage(storage).build();
        HttpResponse<String> badSince = get("api/studies/s/trials?since=abc");
        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badSince.body()).get("error").asText()).contains("since='abc' must be an integer");

        assertThat(get("api/nothing").statusCode()).isEqualTo(404);
        assertThat(get("no-such-page").statusCode()).isEqualTo(404);

        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(server.uri().resolve("api/studies"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).contains("read-only");
    }

    @Test
    void onALoopbackAddressOnlyLoopbackHostNamesAreAnswered() throws Exception {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(rawStatus("evil.example")).isEqualTo(403); // DNS rebinding: another name, our address
        assertThat(rawStatus("localhost:" + server.uri().getPort())).isEqualTo(200);
        assertThat(rawStatus("127.0.0.1:" + server.uri().getPort())).isEqualTo(200);
    }

    private int rawStatus(String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/studies HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void pagesAndScriptsAreServedFromTheJarWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("study?name=x");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .contains("connect-src 'self'");
        assertThat(get("static/echarts.min.js").body()).contains("echarts").hasSizeGreaterThan(500_000);
        assertThat(get("static/tunekit.js").statusCode()).isEqualTo(200);
        assertThat(get("").body()).contains("data-page=\"studies\"");
    }

    @Test
    void aMissingSqliteFileIsReportedOnEveryRequestAndNeverCreated() throws Exception {
        Path missing = dir.resolve("absent.db");
        try (DashboardServer s = DashboardServer.builder()
                .storageUrl("sqlite:" + missing)
                .port(0)
                .start()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(s.uri().resolve("api/studies")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(r.body()).get("error").asText())
                    .startsWith("Cannot read the storage: There is no SQLite database at " + missing);
            HttpResponse<String> study = http.send(
                    HttpRequest.newBuilder(s.uri().resolve("api/studies/x/trials"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(study.statusCode()).isEqualTo(503);
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void anUnreachableServerIsReportedAsTheStorageFailure() throws Exception {
        // Nothing listens on port 1: the driver's connection error reaches the page as text.
        try (DashboardServer s = DashboardServer.builder()
                .storageUrl("jdbc:postgresql://127.0.0.1:1/tunekit?user=nobody&connectTimeout=2")
                .port(0)
                .start()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(s.uri().resolve("api/studies")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(r.body()).get("error").asText()).startsWith("Cannot read the storage: ");
        }
    }

    @Test
    void aStorageThatCannotBeOpenedYetIsTriedAgainOnTheNextRequest() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Study.builder().name("later").storage(storage).build();
        try (DashboardServer s = DashboardServer.builder()
                .storage(() -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("database starting up");
                    }
                    return Storages.open("sqlite:" + dir.resolve("api.db"));
                })
                .port(0)
                .start()) {
            // The one failed attempt is either the server's warm-up read or the first request.
            List<HttpResponse<String>> answers = new ArrayList<>();
            do {
                answers.add(http.send(
                        HttpRequest.newBuilder(s.uri().resolve("api/studies")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            } while (answers.get(answers.size() - 1).statusCode() != 200 && answers.size() < 3);
            HttpResponse<String> last = answers.get(answers.size() - 1);
            assertThat(last.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(last.body())
                            .get("studies")
                            .get(0)
                            .get("name")
                            .asText())
                    .isEqualTo("later");
            assertThat(answers.subList(0, answers.size() - 1))
                    .allSatisfy(r -> assertThat(r.body()).contains("Cannot open the storage: database starting up"));
            assertThat(attempts.get()).isEqualTo(2);
        }
    }

    @Test
    void theReportIsOneFileThatLoadsNothing() throws Exception {
        Study study = StudyFixtures.multiObjective(storage, "report me", 10);
        Path file = dir.resolve("out/report.html");
        Report.write(study, file);
        String html = Files.readString(file);
        assertThat(html).doesNotContain("<script src").doesNotContain("<link rel=\"stylesheet\"");
        assertThat(html).contains("connect-src 'none'").contains("id=\"tunekit-data\"");
        String data = html.substring(
                html.indexOf("id=\"tunekit-data\">") + 18,
                html.indexOf("</script>", html.indexOf("id=\"tunekit-data\"")));
        JsonNode envelope = JSON.readTree(data);
        assertThat(envelope.get("trials")).hasSize(10);
        assertThat(envelope.get("study").get("directions")).hasSize(3);
        FrozenTrial first = study.trials().get(0);
        assertThat(envelope.get("trials").get(0).get(7).asBoolean()).isEqualTo(first.isFeasible());
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left
        assertThat(study.directions()).containsExactly(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE);
    }

    @Test
    void theReportGetsTheSamePermissionsAsAnyNewFile() throws Exception {
        // A report is made to be shared (CI artifacts, mail): not a private temporary file.
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Study study = StudyFixtures.multiObjective(storage, "shared", 3);
        Path file = dir.resolve("shared.html");
        Report.write(study, file);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
