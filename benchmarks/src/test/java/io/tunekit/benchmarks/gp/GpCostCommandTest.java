package io.tunekit.benchmarks.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunekit.benchmarks.problems.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GpCostCommandTest {

    @Test
    void styblinskiTang20HasItsOptimumAtTheNegativeRoot() {
        Problem problem = GpCostCommand.problem("styblinski_tang20");
        double[] argmin = new double[20];
        Arrays.fill(argmin, -2.903534027771178);

        assertThat(problem.dimension()).isEqualTo(20);
        assertThat(problem.evaluate(argmin)).isCloseTo(problem.optimum(), within(1e-9));
        assertThat(GpCostCommand.problem("branin").name()).isEqualTo("branin");
    }

    @Test
    @SuppressWarnings("unchecked")
    void timesTheAsksAtEachCheckpoint(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("cost.json");

        int code = new CommandLine(new GpCostCommand())
                .execute("--problems", "branin", "--at", "10,12", "--window", "2", "--out", json.toString());

        assertThat(code).isZero();
        Map<String, Object> report = new ObjectMapper().readValue(json.toFile(), Map.class);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertThat(rows).extracting(r -> r.get("completed_trials")).containsExactly(10, 12);
        for (Map<String, Object> row : rows) {
            assertThat((List<Double>) row.get("ask_wall_s"))
                    .hasSize(2)
                    .allSatisfy(t -> assertThat(t).isPositive());
            assertThat(((Number) row.get("ask_cpu_s_median")).doubleValue()).isPositive();
        }
        assertThat(Files.readString(dir.resolve("cost.md"))).contains("| branin | 2 | 12 |");
    }
}
