package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask --sampler NAME --sampler-kwargs JSON}: Optuna's names and keyword arguments. */
class SamplersTest {

    @TempDir
    Path dir;

    private static final String SPACE =
            "{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0, \"high\": 1, \"step\": 0.25}},"
                    + " \"k\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 0, \"high\": 2}}}";

    private List<String> asks(Cli cli, String study, int n, String sampler, String kwargs) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode asked = cli.json(
                    "ask",
                    "--study-name",
                    study,
                    "--search-space",
                    SPACE,
                    "--sampler",
                    sampler,
                    "--sampler-kwargs",
                    kwargs);
            params.add(asked.get("params").toString());
            cli.ok(
                    "tell",
                    "--study-name",
                    study,
                    "--trial-number",
                    asked.get("number").asText(),
                    "--values",
                    Double.toString(asked.get("params").get("x").asDouble()));
        }
        return params;
    }

    @Test
    void everySamplerByOptunasClassNameProposesValidParameters() {
        Cli cli = Cli.on("sqlite:///" + dir.resolve("samplers.db"));
        String[][] cases = {
            {"RandomSampler", "{\"seed\": 3}"},
            {"TPESampler", "{\"seed\": 3, \"n_startup_trials\": 2, \"multivariate\": true, \"constant_liar\": true}"},
            {"GPSampler", "{\"seed\": 3, \"n_startup_trials\": 2, \"deterministic_objective\": true}"},
            {"QMCSampler", "{\"seed\": 3, \"qmc_type\": \"halton\", \"scramble\": true}"},
            {"BruteForceSampler", "{\"seed\": 3}"},
            {"GridSampler", "{\"search_space\": {\"x\": [0.0, 0.5, 1.0], \"k\": [0, 2]}}"}
        };
        for (String[] c : cases) {
            String study = c[0].toLowerCase();
            cli.ok("create-study", "--study-name", study);
            List<String> params = asks(cli, study, 4, c[0], c[1]);
            for (JsonNode t : cli.json("trials", "--study-name", study, "-f", "json")) {
                assertThat(t.get("state").asText()).as(c[0]).isEqualTo("COMPLETE");
                assertThat(t.get("params").get("x").asDouble()).as(c[0]).isBetween(0.0, 1.0);
                assertThat(t.get("params").get("k").asInt()).as(c[0]).isBetween(0, 2);
            }
            assertThat(params).as(c[0] + " proposes different points").doesNotHaveDuplicates();
        }
    }

    @Test
    void aSeedGivesDifferentAsksThatAReplayRepeats() {
        Cli first = Cli.on("sqlite:///" + dir.resolve("first.db"));
        Cli replay = Cli.on("sqlite:///" + dir.resolve("replay.db"));
        first.ok("create-study", "--study-name", "s");
        replay.ok("create-study", "--study-name", "s");
        List<String> a = asks(first, "s", 5, "RandomSampler", "{\"seed\": 11}");
        List<String> b = asks(replay, "s", 5, "RandomSampler", "{\"seed\": 11}");
        assertThat(a).doesNotHaveDuplicates().isEqualTo(b);
    }

    @Test
    void badKeywordValuesNameTheArgument() {
        Cli cli = Cli.on("sqlite:///" + dir.resolve("bad.db"));
        cli.ok("create-study", "--study-name", "s");
        Cli.Result r = cli.run(
                "ask",
                "--study-name",
                "s",
                "--sampler",
                "QMCSampler",
                "--sampler-kwargs",
                "{\"qmc_type\": \"random\"}");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("qmc_type", "\"random\"", "sobol");
        Cli.Result grid = cli.run("ask", "--study-name", "s", "--sampler", "GridSampler", "--sampler-kwargs", "{}");
        assertThat(grid.status()).isEqualTo(ExitCode.USAGE.code());
        assertThat(grid.err()).contains("search_space");

        Cli.Result infinite = cli.run(
                "ask",
                "--study-name",
                "s",
                "--sampler",
                "BruteForceSampler",
                "--search-space",
                "{\"y\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0, \"high\": 1}}}");
        assertThat(infinite.status()).isEqualTo(ExitCode.USAGE.code());
        assertThat(infinite.err()).contains("'y'", "marked FAIL");
        assertThat(cli.json("trials", "--study-name", "s", "-f", "json")
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("FAIL");
    }
}
