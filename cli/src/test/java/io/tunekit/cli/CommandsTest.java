package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command, in-process, on SQLite and (when configured) PostgreSQL. */
class CommandsTest {

    @TempDir
    static Path dir;

    static final String SPACE =
            "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -10, \"high\": 10}},"
                    + " \"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 8}},"
                    + " \"opt\": {\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"sgd\", \"adam\"]}}}";

    static Stream<Arguments> storages() {
        return TestStorages.urls(dir).stream();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void createStudyPrintsTheNameAndSkipIfExistsLoadsIt(String label, String url) {
        Cli cli = Cli.on(url);
        String name = unique("create");
        assertThat(cli.ok("create-study", "--study-name", name, "--direction", "maximize"))
                .isEqualTo(name + "\n");
        Cli.Result again = cli.run("create-study", "--study-name", name);
        assertThat(again.status()).isEqualTo(ExitCode.CONFLICT.code());
        assertThat(again.err()).contains(name).doesNotContain("\tat ");
        assertThat(cli.ok("create-study", "--study-name", name, "--skip-if-exists"))
                .isEqualTo(name + "\n");
        assertThat(cli.ok("create-study").strip()).startsWith("no-name-");

        String multi = unique("multi");
        cli.ok("create-study", "--study-name", multi, "--directions", "minimize", "maximize");
        JsonNode studies = cli.json("studies", "-f", "json");
        JsonNode mine = find(studies, "name", multi);
        assertThat(mine.get("direction").toString()).isEqualTo("[\"MINIMIZE\",\"MAXIMIZE\"]");
        assertThat(mine.get("n_trials").asInt()).isZero();
        assertThat(mine.get("datetime_start").isNull()).isTrue();
        assertThat(find(studies, "name", name).get("direction").toString()).isEqualTo("[\"MAXIMIZE\"]");
        assertThat(cli.ok("study-names").lines().toList()).contains(name, multi);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void askAndTellDriveAStudyThatTrialsAndBestTrialShow(String label, String url) {
        Cli cli = Cli.on(url);
        String name = unique("asktell");
        cli.ok("create-study", "--study-name", name);
        List<Double> told = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode asked = cli.json(
                    "ask",
                    "--study-name",
                    name,
                    "--search-space",
                    SPACE,
                    "--sampler",
                    "RandomSampler",
                    "--sampler-kwargs",
                    "{\"seed\": 7}");
            assertThat(asked.get("number").asInt()).isEqualTo(i);
            JsonNode params = asked.get("params");
            double x = params.get("x").asDouble();
            assertThat(x).isBetween(-10.0, 10.0);
            assertThat(params.get("n").isInt()).isTrue();
            assertThat(params.get("opt").asText()).isIn("sgd", "adam");
            double value = x * x + params.get("n").asInt();
            told.add(value);
            cli.ok(
                    "tell",
                    "--study-name",
                    name,
                    "--trial-number",
                    Integer.toString(i),
                    "--values",
                    Double.toString(value));
        }
        Cli.Result verbose = cli.run("ask", "--study-name", name, "--search-space", SPACE, "-v");
        assertThat(verbose.err())
                .matches(
                        "\\[I \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\] Asked trial 4 with parameters \\{'x': .*\\}\\.\\R");
        assertThat(cli.run("tell", "--study-name", name, "--trial-number", "4", "--state", "fail", "-q")
                        .err())
                .isEmpty();
        JsonNode trials = cli.json("trials", "--study-name", name, "-f", "json");
        assertThat(trials).hasSize(5);
        for (int i = 0; i < 4; i++) {
            JsonNode t = trials.get(i);
            assertThat(t.get("number").asInt()).isEqualTo(i);
            assertThat(t.get("state").asText()).isEqualTo("COMPLETE");
            assertThat(t.get("value").asDouble()).isEqualTo(told.get(i));
            assertThat(t.get("datetime_start").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(t.get("duration").asText()).matches("\\d+:\\d\\d:\\d\\d(\\.\\d{6})?");
            assertThat(fieldNames(t.get("params"))).containsExactly("n", "opt", "x");
        }
        int best = told.indexOf(told.stream().min(Double::compare).orElseThrow());
        JsonNode bestTrial = cli.json("best-trial", "--study-name", name, "-f", "json");
        assertThat(bestTrial.get("number").asInt()).isEqualTo(best);
        JsonNode bestTrials = cli.json("best-trials", "--study-name", name, "-f", "json");
        assertThat(bestTrials).hasSize(1);
        assertThat(bestTrials.get(0).get("number").asInt()).isEqualTo(best);

        JsonNode flat = cli.json("trials", "--study-name", name, "-f", "json", "--flatten");
        assertThat(flat).hasSize(5);
        assertThat(fieldNames(flat.get(0)))
                .containsExactly(
                        "number",
                        "value",
                        "datetime_start",
                        "datetime_complete",
                        "duration",
                        "params_n",
                        "params_opt",
                        "params_x",
                        "state");
        String values = cli.ok("trials", "--study-name", name, "-f", "value", "--flatten");
        assertThat(values.lines())
                .hasSize(5)
                .filteredOn(l -> l.endsWith(" COMPLETE"))
                .hasSize(4);
        String table = cli.ok("trials", "--study-name", name);
        assertThat(table.lines().findFirst().orElseThrow()).matches("\\+[-+]+\\+");
        assertThat(table).contains("| number |", "COMPLETE");
        String yaml = cli.ok("best-trial", "--study-name", name, "-f", "yaml");
        assertThat(yaml).contains("number: " + best, "state: COMPLETE", "params:\n  n: ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void tellHandlesStatesValuesAndFinishedTrialsAsOptunaDoes(String label, String url) {
        Cli cli = Cli.on(url);
        String name = unique("tell");
        cli.ok("create-study", "--study-name", name, "--directions", "minimize", "minimize");
        for (int i = 0; i < 6; i++) {
            cli.ok("ask", "--study-name", name, "--sampler", "RandomSampler");
        }
        cli.ok("tell", "--study-name", name, "--trial-number", "0", "--values", "1", "2");
        cli.ok("tell", "--study-name", name, "--trial-number", "1", "--state", "pruned");
        cli.ok("tell", "--study-name", name, "--trial-number", "2", "--state", "FAIL");
        // Without --state, a wrong number of values fails the trial (Optuna's rule) ...
        cli.ok("tell", "--study-name", name, "--trial-number", "3", "--values", "1");
        // ... but with --state complete it is refused and nothing changes.
        Cli.Result refused =
                cli.run("tell", "--study-name", name, "--trial-number", "4", "--state", "complete", "--values", "1");
        assertThat(refused.status()).isEqualTo(ExitCode.USAGE.code());
        // No values at all fails the trial, as in Optuna.
        cli.ok("tell", "--study-name", name, "--trial-number", "5");

        JsonNode trials = cli.json("trials", "--study-name", name, "-f", "json");
        assertThat(states(trials)).containsExactly("COMPLETE", "PRUNED", "FAIL", "FAIL", "RUNNING", "FAIL");
        assertThat(trials.get(0).get("values").toString()).isEqualTo("[1.0,2.0]");
        assertThat(trials.get(1).get("values").toString()).isEqualTo("[null,null]");

        Cli.Result twice = cli.run("tell", "--study-name", name, "--trial-number", "0", "--values", "5", "5");
        assertThat(twice.status()).isEqualTo(ExitCode.CONFLICT.code());
        assertThat(twice.err().lines()).hasSize(1);
        cli.ok("tell", "--study-name", name, "--trial-number", "0", "--values", "5", "5", "--skip-if-finished");
        assertThat(cli.json("trials", "--study-name", name, "-f", "json")
                        .get(0)
                        .get("values")
                        .toString())
                .isEqualTo("[1.0,2.0]");

        JsonNode front = cli.json("best-trials", "--study-name", name, "-f", "json");
        assertThat(front).hasSize(1);
        Cli.Result single = cli.run("best-trial", "--study-name", name);
        assertThat(single.status()).isEqualTo(ExitCode.USAGE.code());
        assertThat(single.err()).contains("best-trials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void userAttributesDeletionAndStorageUpgrade(String label, String url) {
        Cli cli = Cli.on(url);
        String name = unique("attrs");
        cli.ok("create-study", "--study-name", name);
        cli.ok("study", "set-user-attr", "--study-name", name, "-k", "dataset", "--value", "mnist");
        JsonNode mine = find(cli.json("studies", "-f", "json"), "name", name);
        assertThat(mine.get("user_attrs").toString()).isEqualTo("{\"dataset\":\"mnist\"}");
        assertThat(cli.ok("storage", "upgrade")).contains("nothing to upgrade");

        cli.ok("delete-study", "--study-name", name);
        assertThat(cli.ok("study-names").lines()).doesNotContain(name);
        Cli.Result gone = cli.run("delete-study", "--study-name", name);
        assertThat(gone.status()).isEqualTo(ExitCode.NOT_FOUND.code());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void exportWritesTheDataframeColumnsAsCsvAndJsonLines(String label, String url) throws Exception {
        Cli cli = Cli.on(url);
        String name = unique("export");
        cli.ok("create-study", "--study-name", name);
        for (int i = 0; i < 3; i++) {
            cli.ok("ask", "--study-name", name, "--search-space", SPACE, "--sampler", "RandomSampler");
            cli.ok("tell", "--study-name", name, "--trial-number", Integer.toString(i), "--values", "0." + i);
        }
        cli.ok("ask", "--study-name", name, "--search-space", SPACE);
        Path csv = dir.resolve(name + ".csv");
        assertThat(cli.ok("export", "--study-name", name, "--output", csv.toString()))
                .isEmpty();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0))
                .isEqualTo("number,value,datetime_start,datetime_complete,duration,params_n,params_opt,params_x,"
                        + "state");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).startsWith("1,0.1,").endsWith(",COMPLETE");
        assertThat(lines.get(4)).startsWith("3,,").contains(",,,").endsWith(",RUNNING");

        String jsonl = cli.ok("export", "--study-name", name, "--format", "jsonl");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : jsonl.lines().toList()) {
            rows.add(Cli.JSON.readTree(line));
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("value").asDouble()).isEqualTo(0.0);
        assertThat(rows.get(3).get("value").isNull()).isTrue();
        assertThat(rows.get(3).get("duration").isNull()).isTrue();
        assertThat(rows.get(2).get("duration").asText()).startsWith("0 days 00:00:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void copyStudyCopiesEverythingBetweenStorages(String label, String url) {
        Cli cli = Cli.on(url);
        String name = unique("copy");
        cli.ok("create-study", "--study-name", name, "--direction", "maximize");
        cli.ok("study", "set-user-attr", "--study-name", name, "--key", "owner", "--value", "me");
        for (int i = 0; i < 3; i++) {
            cli.ok("ask", "--study-name", name, "--search-space", SPACE);
            cli.ok(
                    "tell",
                    "--study-name",
                    name,
                    "--trial-number",
                    Integer.toString(i),
                    "--values",
                    Integer.toString(i));
        }
        String target = "sqlite:///" + dir.resolve(name + "-copy.db");
        cli.ok("copy-study", "--study-name", name, "--to-storage", target);
        Cli copy = Cli.on(target);
        assertThat(copy.json("trials", "--study-name", name, "-f", "json"))
                .isEqualTo(cli.json("trials", "--study-name", name, "-f", "json"));
        JsonNode summary = find(copy.json("studies", "-f", "json"), "name", name);
        assertThat(summary.get("direction").toString()).isEqualTo("[\"MAXIMIZE\"]");
        assertThat(summary.get("user_attrs").toString()).isEqualTo("{\"owner\":\"me\"}");

        Cli.Result conflict = cli.run("copy-study", "--study-name", name, "--to-storage", target);
        assertThat(conflict.status()).isEqualTo(ExitCode.CONFLICT.code());
        // Back into the first storage under another name.
        copy.ok("copy-study", "--study-name", name, "--to-storage", url, "--to-study-name", name + "-back");
        assertThat(cli.json("best-trial", "--study-name", name + "-back", "-f", "json")
                        .get("value")
                        .asDouble())
                .isEqualTo(2.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void watchPrintsProgressUntilTheWantedTrialsAreFinished(String label, String url) throws Exception {
        Cli cli = Cli.on(url);
        String name = unique("watch");
        cli.ok("create-study", "--study-name", name);
        cli.ok("ask", "--study-name", name);
        cli.ok("tell", "--study-name", name, "--trial-number", "0", "--values", "3");
        // Another process's work, while watch polls: two more trials finish.
        CompletableFuture<Cli.Result> watching = CompletableFuture.supplyAsync(
                () -> cli.run("watch", "--study-name", name, "--interval", "0.05", "--until", "3", "--timeout", "120"));
        cli.ok("ask", "--study-name", name);
        cli.ok("tell", "--study-name", name, "--trial-number", "1", "--values", "1.5");
        cli.ok("ask", "--study-name", name);
        cli.ok("tell", "--study-name", name, "--trial-number", "2", "--state", "pruned");
        Cli.Result result = watching.get();
        String out = result.ok();
        // Which intermediate states the watcher sees depends on timing; every line is well formed and
        // the last one is the final state.
        assertThat(out.lines())
                .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  trials \\d+: .*  best .*"));
        assertThat(out.lines().reduce((a, b) -> b).orElseThrow())
                .endsWith("trials 3: 2 complete, 1 pruned  best 1.5 (trial 1)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void globalOptionsGoBeforeOrAfterTheCommandAndTheEnvironmentNamesTheStorage(String label, String url) {
        String name = unique("global");
        Cli none = new Cli(Map.of());
        none.ok("--storage", url, "create-study", "--study-name", name);
        assertThat(none.ok("study-names", "--storage", url).lines()).contains(name);
        assertThat(new Cli(Map.of("OPTUNA_STORAGE", url)).ok("study-names").lines())
                .contains(name);
        // TUNEKIT_STORAGE wins over OPTUNA_STORAGE, and --storage over both.
        String elsewhere = "sqlite:///" + dir.resolve("elsewhere.db");
        none.ok("--storage", elsewhere, "create-study", "--study-name", "other", "--skip-if-exists");
        assertThat(new Cli(Map.of("TUNEKIT_STORAGE", url, "OPTUNA_STORAGE", elsewhere))
                        .ok("study-names")
                        .lines())
                .contains(name)
                .doesNotContain("other");
        assertThat(new Cli(Map.of("TUNEKIT_STORAGE", elsewhere))
                        .ok("--storage", url, "study-names")
                        .lines())
                .contains(name);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> states(JsonNode trials) {
        List<String> out = new ArrayList<>();
        trials.forEach(t -> out.add(t.get("state").asText()));
        return out;
    }
}
