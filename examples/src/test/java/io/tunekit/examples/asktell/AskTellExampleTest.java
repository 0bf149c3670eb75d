package io.tunekit.examples.asktell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AskTellExampleTest {

    /** The shipped target script (tests run in the module directory). */
    private static final String SCRIPT =
            Path.of("scripts", "target.sh").toAbsolutePath().toString();

    /** The loss target.sh computes, written again in Java to check what came back. */
    private static double expectedLoss(FrozenTrial t) {
        double d = Math.log10((Double) t.params().get("lr")) + 2;
        int layers = (Integer) t.params().get("layers");
        return 0.1
                + 0.05 * d * d
                + 0.02 * (layers - 3) * (layers - 3)
                + (t.params().get("activation").equals("tanh") ? 0 : 0.03);
    }

    private static Study run(List<String> command, String... options) throws Exception {
        AskTellExample example = new AskTellExample();
        new CommandLine(example).parseArgs(options);
        return example.run(command, new PrintWriter(new StringWriter()));
    }

    @Test
    void tunesTheShippedScript() throws Exception {
        Study study = run(List.of("sh", SCRIPT), "--trials", "15");
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        assertThat(complete).hasSize(15);
        // Every value is what the script computes for the values passed: arguments and parsing line up.
        for (FrozenTrial t : complete) {
            assertThat(t.value()).as("trial %d %s", t.number(), t.params()).isCloseTo(expectedLoss(t), within(1e-5));
        }
        assertThat(study.bestValue()).isLessThan(0.3);
    }

    @Test
    void aFailingCommandFailsItsTrialAndTheSearchGoesOn() throws Exception {
        Study exits = run(List.of("sh", "-c", "echo val_loss=1; exit 3", "sh"), "--trials", "2");
        assertThat(exits.trials()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.userAttrs()).containsEntry(AskTellExample.ERROR_ATTR, "exited with status 3");
        });
        Study silent = run(List.of("sh", "-c", "echo loss=oops", "sh"), "--trials", "1", "--key", "loss");
        assertThat(silent.trials().get(0).userAttrs())
                .containsEntry(AskTellExample.ERROR_ATTR, "printed no line loss=<number>");
        Study slow = run(List.of("sh", "-c", "sleep 5", "sh"), "--trials", "1", "--timeout-seconds", "1");
        assertThat(slow.trials().get(0).userAttrs()).containsEntry(AskTellExample.ERROR_ATTR, "timed out after 1 s");
    }

    @Test
    void theCommandLinePrintsTheBestTrial() {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new AskTellExample());
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("--trials", "3", "--", "sh", SCRIPT)).isZero();
        assertThat(out.toString())
                .containsPattern("trial 0: \\{lr=[^,]+, layers=\\d, activation=\\w+\\} -> val_loss=")
                .contains("(3 of 3 trials completed)");
    }
}
