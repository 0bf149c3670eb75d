package io.tunekit.examples.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class XgboostExampleTest {

    private static XgboostExample.Summary run(String... args) throws Exception {
        XgboostExample example = new XgboostExample();
        new CommandLine(example).parseArgs(args);
        return example.run();
    }

    @Test
    void medianPrunerStopsWeakTrialsAndSavesRounds(@TempDir Path dir) throws Exception {
        String url = "sqlite:" + dir.resolve("xgb.db");
        XgboostExample.Summary summary =
                run("--trials", "12", "--rounds", "40", "--pruner", "median", "--storage", url, "--no-progress");

        assertThat(summary.complete() + summary.pruned()).isEqualTo(12);
        assertThat(summary.pruned()).isPositive();
        assertThat(summary.roundsWithoutPruning()).isEqualTo(12 * 40);
        assertThat(summary.roundsSaved()).isPositive();
        assertThat(((Number) summary.best().userAttrs().get(BoostingObjective.ACCURACY_ATTR)).doubleValue())
                .isGreaterThan(0.9);
        try (Storage storage = Storages.open(url)) {
            Study study = Study.load("xgboost-digits-median", storage);
            long rounds = 0;
            for (FrozenTrial t : study.trials()) {
                int ran = ((Number) t.userAttrs().get(BoostingObjective.ROUNDS_ATTR)).intValue();
                // One validation loss per boosting round, reported as it happened.
                assertThat(t.intermediateValues()).hasSize(ran);
                if (t.state() == TrialState.COMPLETE) {
                    assertThat(ran).isEqualTo(40);
                } else {
                    assertThat(t.state()).isEqualTo(TrialState.PRUNED);
                    assertThat(ran).as("a pruned trial stops early").isLessThan(40);
                }
                rounds += ran;
            }
            assertThat(rounds).isEqualTo(summary.roundsRun());
        }
    }

    @Test
    void withoutAPrunerEveryTrialRunsEveryRound() throws Exception {
        XgboostExample.Summary summary = run("--trials", "3", "--rounds", "10", "--pruner", "none", "--no-progress");
        assertThat(summary.pruned()).isZero();
        assertThat(summary.roundsRun()).isEqualTo(30);
        assertThat(summary.roundsSaved()).isZero();
    }

    @Test
    void printsTheSavings() {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new XgboostExample());
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("--trials", "2", "--rounds", "5", "--pruner", "halving", "--no-progress"))
                .isZero();
        assertThat(out.toString())
                .contains("2 trials:")
                .containsPattern("Boosting rounds run: \\d+ of 10 ")
                .contains("Best is trial");
    }

    @Test
    void rejectsAnUnknownPruner() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new XgboostExample());
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("--pruner", "hyperband")).isEqualTo(2);
        assertThat(err.toString()).contains("--pruner 'hyperband' is not one of median, halving, none");
    }
}
