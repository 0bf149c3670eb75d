package io.tunekit.benchmarks.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunekit.samplers.pareto.Hypervolume;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HypervolumeCommandTest {

    private static final int TRIALS = 60;

    /** One Optuna study of zdt1 in the script's format, with made-up values. */
    private static List<double[]> writeOptunaRuns(Path file) throws Exception {
        List<double[]> values = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            double f1 = (i % 11) / 10.0;
            values.add(new double[] {f1, 1 + 9 * (1 - f1) * (TRIALS - i) / TRIALS});
            ends.add(0.001 * (i + 1));
        }
        Map<String, Object> run = Map.of(
                "problem",
                "zdt1",
                "sampler",
                "nsga2",
                "seed",
                0,
                "values",
                values,
                "trial_end_seconds",
                ends,
                "trial_end_cpu_seconds",
                ends);
        new ObjectMapper().writeValue(file.toFile(), Map.of("optuna", "5.0.0", "population", 50, "runs", List.of(run)));
        return values;
    }

    private static int execute(Path optunaRuns, Path out, String seeds, int warmupStudies) {
        return execute(optunaRuns, out, seeds, warmupStudies, new StringWriter());
    }

    private static int execute(Path optunaRuns, Path out, String seeds, int warmupStudies, StringWriter err) {
        return new CommandLine(new HypervolumeCommand())
                .setErr(new PrintWriter(err, true))
                .execute(
                        "--problems", "zdt1",
                        "--sampler", "nsga2",
                        "--optuna-samplers", "nsga2",
                        "--seeds", seeds,
                        "--trials", Integer.toString(TRIALS),
                        "--at", Integer.toString(TRIALS),
                        "--optuna-runs", optunaRuns.toString(),
                        "--warmup-studies", Integer.toString(warmupStudies),
                        "--out", out.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Path out) throws Exception {
        return (List<Map<String, Object>>)
                new ObjectMapper().readValue(out.toFile(), Map.class).get("runs");
    }

    private static double hypervolume(Map<String, Object> row) {
        return ((Number) ((Map<?, ?>) row.get("hypervolume")).get(Integer.toString(TRIALS))).doubleValue();
    }

    @Test
    void readsSavedOptunaStudiesAndWarmUpStudiesChangeNoHypervolume(@TempDir Path dir) throws Exception {
        Path optuna = dir.resolve("optuna.json");
        List<double[]> values = writeOptunaRuns(optuna);

        assertThat(execute(optuna, dir.resolve("cold.json"), "0", 0)).isZero();
        assertThat(execute(optuna, dir.resolve("warm.json"), "0", 2)).isZero();

        List<Map<String, Object>> cold = rows(dir.resolve("cold.json"));
        List<Map<String, Object>> warm = rows(dir.resolve("warm.json"));
        assertThat(cold).extracting(r -> r.get("framework")).containsExactly("optuna 5.0.0", "tunekit");
        assertThat(hypervolume(cold.get(0))).isEqualTo(Hypervolume.of(values, new double[] {1.1, 11}));
        assertThat(warm).hasSize(2);
        assertThat(hypervolume(warm.get(1))).isEqualTo(hypervolume(cold.get(1)));
    }

    @Test
    void refusesASeedTheSavedOptunaStudiesLack(@TempDir Path dir) throws Exception {
        Path optuna = dir.resolve("optuna.json");
        writeOptunaRuns(optuna);

        StringWriter err = new StringWriter();
        assertThat(execute(optuna, dir.resolve("out.json"), "0,1", 0, err)).isNotZero();
        assertThat(err.toString()).contains("Optuna's zdt1 nsga2 seed 1 is not in");
    }
}
