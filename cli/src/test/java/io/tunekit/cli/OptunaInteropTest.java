package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tunekit's and Optuna 5.0's CLIs on one SQLite file: the listings print the same records (in
 * fact the same text, in every format), and a study Optuna created is driven by Tunekit's ask
 * and tell and read back by Optuna.
 */
@EnabledIfEnvironmentVariable(named = "TUNEKIT_OPTUNA5_PYTHON", matches = ".+")
class OptunaInteropTest {

    @TempDir
    static Path dir;

    static String url;

    @BeforeAll
    static void studies() {
        url = "sqlite:///" + dir.resolve("interop.db");
        try (Storage storage = Storages.open(url)) {
            Study single = Study.builder().name("single").storage(storage).build();
            single.setUserAttr("dataset", "mnist");
            single.setUserAttr("folds", 5);
            FloatDistribution lr = FloatDistribution.logScale(1e-5, 1);
            IntDistribution layers = new IntDistribution(1, 8, 1, false);
            CategoricalDistribution opt = new CategoricalDistribution(Arrays.asList("sgd", "adam", null, 3, true));
            Instant t0 = Instant.parse("2026-03-04T05:06:07.123456Z");
            List<Object> choices = Arrays.asList("sgd", "adam", null, 3, true);
            for (int i = 0; i < 7; i++) {
                FrozenTrial.Builder b = FrozenTrial.builder()
                        .param("lr", lr, Math.pow(10, -1 - i * 0.5))
                        .param("layers", layers, 1 + i)
                        .param("opt", opt, choices.get(i % choices.size()))
                        .userAttr("seed", i)
                        .datetimeStart(t0.plusSeconds(i * 3600L + i))
                        .datetimeComplete(t0.plusSeconds(i * 3600L + 61 + i).plusNanos(i * 1000L));
                if (i == 2) {
                    b.state(TrialState.PRUNED).intermediateValue(3, 0.7).values(0.7);
                } else if (i == 4) {
                    b.state(TrialState.FAIL).userAttr("error", "it's \"broken\"\nbadly");
                } else {
                    b.values(i == 5 ? Double.POSITIVE_INFINITY : 1.0 / (i + 1) + 1e-7 * i);
                }
                if (i == 1) {
                    b.userAttr("nested", Map.of("a", List.of(1, 2.5, "x")));
                }
                single.addTrial(b.build());
            }
            single.ask(); // one RUNNING trial without parameters
            single.enqueueTrial(Map.of("lr", 0.01)); // one WAITING trial

            Study multi = Study.builder()
                    .name("multi")
                    .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                    .storage(storage)
                    .build();
            for (int i = 0; i < 5; i++) {
                multi.addTrial(FrozenTrial.builder()
                        .param("x", FloatDistribution.of(0, 1), i / 4.0)
                        .values(i / 4.0, (i / 4.0) * (i / 4.0) + (i == 3 ? -1 : 0))
                        .datetimeStart(t0)
                        .datetimeComplete(t0.plusMillis(1500))
                        .build());
            }
            multi.addTrial(FrozenTrial.builder()
                    .state(TrialState.FAIL)
                    .datetimeStart(t0)
                    .datetimeComplete(t0)
                    .build());

            Study named = Study.builder()
                    .name("named-metrics")
                    .directions(Direction.MINIMIZE, Direction.MINIMIZE)
                    .storage(storage)
                    .build();
            storage.setStudySystemAttr(
                    storage.findStudy("named-metrics").orElseThrow(), "study:metric_names", List.of("loss", "latency"));
            named.addTrial(FrozenTrial.builder().values(0.5, 12).build());
            Study empty = Study.builder()
                    .name("empty")
                    .storage(storage)
                    .direction(Direction.MAXIMIZE)
                    .build();
            assertThat(empty.name()).isEqualTo("empty");
        }
    }

    private static String optuna(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Processes.optuna().toString()));
        command.addAll(List.of(args));
        Cli.Result r = Processes.run(dir, Map.of(), command);
        return r.ok();
    }

    private static String tunekit(String... args) {
        return new Cli(Map.of()).ok(args);
    }

    /** Both CLIs with the same arguments (plus --storage): the same text. */
    private static String same(String... args) throws Exception {
        List<String> full = new ArrayList<>(List.of(args));
        full.add("--storage");
        full.add(url);
        String[] a = full.toArray(String[]::new);
        String theirs = optuna(a);
        String ours = tunekit(a);
        assertThat(ours).as("tunekit %s", String.join(" ", args)).isEqualTo(theirs);
        return ours;
    }

    @Test
    void trialsBestTrialAndStudiesPrintTheSameJsonRecords() throws Exception {
        for (String study : List.of("single", "multi", "named-metrics", "empty")) {
            JsonNode trials = Cli.JSON.readTree(same("trials", "--study-name", study, "-f", "json"));
            assertThat(trials.isArray()).isTrue();
            same("trials", "--study-name", study, "-f", "json", "--flatten");
        }
        JsonNode best = Cli.JSON.readTree(same("best-trial", "--study-name", "single", "-f", "json"));
        assertThat(best.get("number").asInt()).isEqualTo(6);
        same("best-trial", "--study-name", "single", "-f", "json", "--flatten");
        JsonNode front = Cli.JSON.readTree(same("best-trials", "--study-name", "multi", "-f", "json"));
        assertThat(front.size()).isEqualTo(4);
        same("best-trials", "--study-name", "named-metrics", "-f", "json");
        JsonNode studies = Cli.JSON.readTree(same("studies", "-f", "json"));
        assertThat(studies.size()).isEqualTo(4);
        same("studies", "-f", "json", "--flatten");
        same("study-names", "-f", "json");
    }

    @Test
    void tableYamlAndValueFormatsPrintTheSameText() throws Exception {
        for (String format : List.of("table", "yaml", "value")) {
            same("trials", "--study-name", "single", "-f", format);
            same("trials", "--study-name", "multi", "-f", format, "--flatten");
            same("best-trial", "--study-name", "single", "-f", format);
            same("studies", "-f", format);
            same("study-names", "-f", format);
        }
        same("studies");
        same("study-names");
    }

    @Test
    void aStudyOptunaCreatedIsDrivenByTunekitAndReadBackByOptuna() throws Exception {
        String py = "sqlite:///" + dir.resolve("optuna-made.db");
        assertThat(optuna("create-study", "--storage", py, "--study-name", "py", "--direction", "maximize"))
                .isEqualTo("py\n");
        String space = "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0.0, \"high\": 1.0}},"
                + " \"k\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 3}}}";
        Cli cli = Cli.on(py);
        Map<Integer, Double> told = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            JsonNode asked = cli.json("ask", "--study-name", "py", "--search-space", space);
            int number = asked.get("number").asInt();
            double value = asked.get("params").get("x").asDouble()
                    * asked.get("params").get("k").asInt();
            cli.ok(
                    "tell",
                    "--study-name",
                    "py",
                    "--trial-number",
                    Integer.toString(number),
                    "--values",
                    Double.toString(value));
            told.put(number, value);
        }
        // Optuna asks, Tunekit tells; then Tunekit asks, Optuna tells.
        JsonNode optunaAsked =
                Cli.JSON.readTree(optuna("ask", "--storage", py, "--study-name", "py", "--search-space", space));
        int n4 = optunaAsked.get("number").asInt();
        cli.ok("tell", "--study-name", "py", "--trial-number", Integer.toString(n4), "--values", "0.25");
        told.put(n4, 0.25);
        int n5 = cli.json("ask", "--study-name", "py", "--search-space", space)
                .get("number")
                .asInt();
        optuna(
                "tell",
                "--storage",
                py,
                "--study-name",
                "py",
                "--trial-number",
                Integer.toString(n5),
                "--values",
                "0.125");
        told.put(n5, 0.125);

        JsonNode trials = Cli.JSON.readTree(optuna("trials", "--storage", py, "--study-name", "py", "-f", "json"));
        assertThat(trials.size()).isEqualTo(6);
        for (JsonNode t : trials) {
            assertThat(t.get("state").asText()).isEqualTo("COMPLETE");
            assertThat(t.get("value").asDouble())
                    .isEqualTo(told.get(t.get("number").asInt()));
            assertThat(t.get("params").get("x").asDouble()).isBetween(0.0, 1.0);
            assertThat(t.get("params").get("k").isInt()).isTrue();
        }
        double best = told.values().stream().max(Double::compare).orElseThrow();
        JsonNode bestTrial =
                Cli.JSON.readTree(optuna("best-trial", "--storage", py, "--study-name", "py", "-f", "json"));
        assertThat(bestTrial.get("value").asDouble()).isEqualTo(best);
        assertThat(tunekit("best-trial", "--storage", py, "--study-name", "py", "-f", "json"))
                .isEqualTo(optuna("best-trial", "--storage", py, "--study-name", "py", "-f", "json"));
    }
}
