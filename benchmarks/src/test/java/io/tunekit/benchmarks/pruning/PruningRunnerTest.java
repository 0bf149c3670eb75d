package io.tunekit.benchmarks.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruningRunnerTest {

    private final PruningRunner runner = new PruningRunner(30, 20);

    @Test
    void without_pruning_every_trial_runs_every_step() {
        PruningRun run = runner.run("random", "none", 3);

        assertThat(run.trials()).isEqualTo(30);
        assertThat(run.pruned()).isZero();
        assertThat(run.steps()).isEqualTo(run.stepBudget()).isEqualTo(600);
        assertThat(run.bestFinalScore()).isBetween(0.1, 1.0);
    }

    @Test
    void a_pruner_saves_steps_and_the_run_is_reproducible() {
        PruningRun first = runner.run("random", "median", 3);
        PruningRun again = runner.run("random", "median", 3);

        assertThat(first.pruned()).isPositive();
        assertThat(first.steps()).isLessThan(first.stepBudget());
        assertThat(again)
                .usingRecursiveComparison()
                .ignoringFields("wallSeconds")
                .isEqualTo(first);
    }

    @Test
    void every_registered_pruner_runs_with_tpe() {
        for (String pruner : PrunerRegistry.names()) {
            PruningRun run = new PruningRunner(12, 10).run("tpe", pruner, 1);
            assertThat(run.trials()).as(pruner).isEqualTo(12);
            assertThat(run.steps()).as(pruner).isBetween(12L, 120L);
        }
    }

    @Test
    void the_report_has_one_row_per_pruner_and_writes_its_json(@TempDir Path dir) throws Exception {
        double nan = Double.NaN;
        List<Double> noBest = List.of(nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        List<PruningRun> runs = List.of(
                new PruningRun(
                        "none",
                        "tpe",
                        0,
                        10,
                        0,
                        100,
                        100,
                        0.05,
                        0.11,
                        1.0,
                        List.of(0.5, 0.4, 0.4, 0.3, 0.3, 0.2, 0.2, 0.2, 0.11, 0.11)),
                new PruningRun(
                        "none",
                        "tpe",
                        1,
                        10,
                        0,
                        100,
                        100,
                        0.07,
                        0.13,
                        3.0,
                        List.of(0.6, 0.6, 0.5, 0.5, 0.4, 0.4, 0.3, 0.3, 0.13, 0.13)),
                new PruningRun("median", "tpe", 0, 10, 6, 40, 100, 0.2, 0.3, 0.5, noBest),
                new PruningRun("median", "tpe", 1, 10, 8, 30, 100, 0.1, 0.2, 0.7, noBest));
        PruningReport report = new PruningReport(runs, Map.of("trials", 10));

        assertThat(report.markdown().lines())
                .containsExactly(
                        "| pruner | steps (mean) | saved | pruned trials (mean) | best final score: median [q25, q75] "
                                + "| none after as many steps: median | best reported value: median | wall s (median) |",
                        "|---|---:|---:|---:|---|---:|---:|---:|",
                        "| none | 100 | 0% | 0 | 0.120 [0.115, 0.125] | 0.120 | 0.060 | 2.00 |",
                        // 40 steps pay for 4 full trials of seed 0 (0.3), 30 for 3 of seed 1 (0.5)
                        "| median | 35 | 65% | 7 | 0.250 [0.225, 0.275] | 0.400 | 0.150 | 0.60 |");
        Path json = dir.resolve("out/pruning.json");
        report.writeJson(json);
        assertThat(Files.readString(json)).contains("\"trials\" : 10").contains("\"pruner\" : \"median\"");
    }

    @Test
    void rejects_bad_settings_and_names() {
        assertThatThrownBy(() -> new PruningRunner(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trials=0 must be >= 1");
        assertThatThrownBy(() -> new PruningRunner(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steps=0 must be >= 1");
        assertThatThrownBy(() -> PrunerRegistry.create("medain", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'medain'")
                .hasMessageContaining("hyperband");
    }
}
