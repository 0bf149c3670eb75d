package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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

    /** One {@code ask} of {@link #SPACE} with the sampler and its keyword arguments. */
    private static JsonNode ask(Cli cli, String study, String sampler, String kwargs) {
        return cli.json(
                "ask",
                "--study-name",
                study,
                "--search-space",
                SPACE,
                "--sampler",
                sampler,
                "--sampler-kwargs",
                kwargs);
    }

    private List<String> asks(Cli cli, String study, int n, String sampler, String kwargs) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode asked = ask(cli, study, sampler, kwargs);
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

    /** Asks and tells {@code n} trials of a two-objective study; returns every trial as stored. */
    private static List<FrozenTrial> twoObjectives(String url, String study, int n, String sampler, String kwargs) {
        Cli cli = Cli.on(url);
        cli.ok("create-study", "--study-name", study, "--directions", "minimize", "minimize");
        for (int i = 0; i < n; i++) {
            JsonNode asked = ask(cli, study, sampler, kwargs);
            double x = asked.get("params").get("x").asDouble();
            int k = asked.get("params").get("k").asInt();
            cli.ok(
                    "tell",
                    "--study-name",
                    study,
                    "--trial-number",
                    asked.get("number").asText(),
                    "--values",
                    Double.toString(x + k),
                    Double.toString(1 - x + k));
        }
        return stored(url, study);
    }

    private static List<FrozenTrial> stored(String url, String study) {
        try (Storage storage = Storages.open(url)) {
            return storage.trials(storage.findStudy(study).orElseThrow(), EnumSet.allOf(TrialState.class));
        }
    }

    @Test
    void cmaEsTakesOptunasKeywordArgumentsAndKeepsItsSearchInTheStudy() {
        String url = "sqlite:///" + dir.resolve("cmaes.db");
        Cli cli = Cli.on(url);
        cli.ok("create-study", "--study-name", "cma");
        asks(
                cli,
                "cma",
                8,
                "CmaEsSampler",
                "{\"seed\": 3, \"sigma0\": 0.2, \"popsize\": 4, \"n_startup_trials\": 1,"
                        + " \"restart_strategy\": \"ipop\", \"inc_popsize\": 3, \"x0\": {\"x\": 0.5, \"k\": 1},"
                        + " \"consider_pruned_trials\": true, \"warn_independent_sampling\": false}");
        List<FrozenTrial> trials = stored(url, "cma");
        assertThat(trials).hasSize(8).allMatch(t -> t.state() == TrialState.COMPLETE);
        for (FrozenTrial t : trials) {
            assertThat((double) t.params().get("x")).isBetween(0.0, 1.0);
        }
        // After the one startup trial, CMA-ES (not its independent sampler) proposes the trials.
        assertThat(trials.subList(1, 8)).allMatch(t -> t.systemAttrs().containsKey("cma:generation"), "CMA-ES trial");

        cli.ok("create-study", "--study-name", "cma-margin");
        asks(cli, "cma-margin", 3, "CmaEsSampler", "{\"seed\": 3, \"with_margin\": true}");
        assertThat(stored(url, "cma-margin").get(2).systemAttrs()).containsKey("cmawm:generation");
    }

    @Test
    void nsgaSamplersTakeOptunasKeywordArgumentsAndCrossoverNames() {
        String url = "sqlite:///" + dir.resolve("nsga.db");
        List<FrozenTrial> two = twoObjectives(
                url,
                "nsga2",
                10,
                "NSGAIISampler",
                "{\"seed\": 1, \"population_size\": 4, \"crossover\": \"SBXCrossover\", \"crossover_prob\": 0.8,"
                        + " \"mutation_prob\": 0.3, \"swapping_prob\": 0.4}");
        assertThat(two).hasSize(10).allMatch(t -> t.state() == TrialState.COMPLETE);
        // population 4: trials 0-3 are generation 0, 4-7 generation 1, 8-9 generation 2.
        assertThat(two.get(9).systemAttrs()).containsEntry("NSGAIISampler:generation", 2);
        List<FrozenTrial> three = twoObjectives(
                url,
                "nsga3",
                6,
                "NSGAIIISampler",
                "{\"seed\": 1, \"population_size\": 3, \"reference_points\": [[0, 1], [0.5, 0.5], [1, 0]]}");
        assertThat(three.get(5).systemAttrs()).containsEntry("NSGAIIISampler:generation", 1);
        List<FrozenTrial> divided = twoObjectives(
                url, "nsga3-divided", 3, "NSGAIIISampler", "{\"population_size\": 2, \"dividing_parameter\": 2}");
        assertThat(divided.get(2).systemAttrs()).containsEntry("NSGAIIISampler:generation", 1);
    }

    @Test
    void anUnknownKeywordArgumentOrChoiceIsAnErrorNamingIt() {
        Cli cli = Cli.on("sqlite:///" + dir.resolve("unknown.db"));
        cli.ok("create-study", "--study-name", "s");
        String[][] cases = {
            {"CmaEsSampler", "{\"sigma\": 0.1}", "'sigma'", "sigma0"},
            {"CmaEsSampler", "{\"restart_strategy\": \"random\"}", "restart_strategy", "ipop"},
            {"CmaEsSampler", "{\"independent_sampler\": \"RandomSampler\"}", "'independent_sampler'", "n_startup_trials"
            },
            {"NSGAIISampler", "{\"populationSize\": 10}", "'populationSize'", "population_size"},
            {"NSGAIISampler", "{\"crossover\": \"OnePointCrossover\"}", "OnePointCrossover", "SBXCrossover"},
            {"NSGAIIISampler", "{\"reference_points\": [1, 2]}", "reference_points", "list of points"},
            {"QMCSampler", "{\"population_size\": 4}", "QMCSampler", "'population_size'"},
            {"BruteForceSampler", "{\"n_startup_trials\": 4}", "BruteForceSampler", "seed"}
        };
        for (String[] c : cases) {
            Cli.Result r = cli.run(
                    "ask", "--study-name", "s", "--search-space", SPACE, "--sampler", c[0], "--sampler-kwargs", c[1]);
            assertThat(r.status()).as(c[1]).isEqualTo(ExitCode.USAGE.code());
            assertThat(r.err().lines()).as(c[1]).hasSize(1);
            assertThat(r.err())
                    .as(c[1])
                    .contains("--sampler-kwargs", c[2], c[3])
                    .doesNotContain("\tat ");
        }
        assertThat(cli.json("trials", "--study-name", "s", "-f", "json"))
                .as("nothing asked")
                .isEmpty();
    }
}
