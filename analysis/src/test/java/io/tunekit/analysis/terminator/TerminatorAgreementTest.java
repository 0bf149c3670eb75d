package io.tunekit.analysis.terminator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.storage.jdbc.Storages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminator against Optuna 5.0 on fixed studies that Tunekit writes to SQLite with reported
 * cross-validation scores, evaluated after every prefix of 20 or more trials.
 *
 * <ul>
 *   <li>Best-value stagnation and the cross-validation error are deterministic: equal values
 *       (stagnation exactly, CV error to 1e-12), so equal stop/continue decisions.
 *   <li>The regret bound maximises an upper confidence bound over 2048 random points, so it
 *       varies with the seed. Measured on the first study (60 prefixes): Optuna against itself
 *       over seeds 0-4 varied by up to 5.6% of its mean ((max - min) / mean); Tunekit (seeds 0
 *       and 1) differed from that mean by at most 4.1% (a study of amplitude 1, noise 0.02, 80
 *       trials, seed 3). Tolerance: {@value #REGRET_TOLERANCE}
 *       relative to Optuna's mean over seeds 0-2. Its decision against the CV error equals
 *       Optuna's wherever Optuna's margin exceeds that tolerance.
 * </ul>
 */
class TerminatorAgreementTest {

    static final double REGRET_TOLERANCE = 0.06;
    static final String PYTHON = System.getenv("TUNEKIT_OPTUNA5_PYTHON");

    @TempDir
    Path dir;

    /**
     * A flat objective (amplitude 0.05) with fold noise 0.05: the regret bound starts above the CV
     * error and falls below it after about 25 trials, so both decisions occur.
     */
    @Test
    void sameDecisionsAsOptuna() throws Exception {
        assumeTrue(PYTHON != null, "TUNEKIT_OPTUNA5_PYTHON is not set");
        Path db = dir.resolve("cv.db");
        Study study = CvStudies.study(Storages.open("sqlite:" + db), "cv", 48, 5, 0.05, 0.05);
        Path script = dir.resolve("optuna_terminator.py");
        Files.write(
                script, getClass().getResourceAsStream("optuna_terminator.py").readAllBytes());
        Process p = new ProcessBuilder(PYTHON, script.toString(), "sqlite:///" + db, "cv", "20", "0,1,2")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<FrozenTrial> all = study.trials();
        Terminator stagnation =
                Terminator.builder().improvement(BestValueStagnation.defaults()).build();
        Terminator regret = Terminator.defaults();
        int compared = 0;
        int stopCount = 0;
        List<String> table = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            int n = Integer.parseInt(f[0]);
            double optunaStagnation = Double.parseDouble(f[1]);
            double optunaError = Double.parseDouble(f[2]);
            double optunaRegret = (Double.parseDouble(f[3]) + Double.parseDouble(f[4]) + Double.parseDouble(f[5])) / 3;
            List<FrozenTrial> prefix = all.subList(0, n);

            assertThat(BestValueStagnation.defaults().evaluate(prefix, Direction.MAXIMIZE))
                    .as("stagnation after %d trials", n)
                    .isEqualTo(optunaStagnation);
            assertThat(stagnation.check(prefix, Direction.MAXIMIZE).shouldTerminate())
                    .isEqualTo(optunaStagnation < 0);
            double error = new CrossValidationError().evaluate(prefix, Direction.MAXIMIZE);
            assertThat(error).as("CV error after %d trials", n).isCloseTo(optunaError, within(1e-12));

            TerminationCheck check = regret.check(prefix, Direction.MAXIMIZE);
            assertThat(check.improvement())
                    .as("regret bound after %d trials", n)
                    .isCloseTo(optunaRegret, within(REGRET_TOLERANCE * optunaRegret));
            boolean optunaStops = optunaRegret < optunaError;
            stopCount += optunaStops ? 1 : 0;
            if (Math.abs(optunaRegret - optunaError) > REGRET_TOLERANCE * optunaRegret) {
                assertThat(check.shouldTerminate())
                        .as("decision after %d trials", n)
                        .isEqualTo(optunaStops);
                compared++;
            }
            table.add(String.format(
                    "%d %.5f %.5f %.5f %s", n, check.improvement(), optunaRegret, error, check.decision()));
        }
        System.out.println(String.join("\n", table));
        assertThat(compared).as("prefixes compared").isGreaterThan(20);
        assertThat(stopCount).as("prefixes where Optuna's terminator stops").isBetween(1, 28);
    }
}
