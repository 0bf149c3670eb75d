package io.tunekit.benchmarks.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    private static JsonNode vectors() throws IOException {
        try (InputStream in = ProblemsTest.class.getResourceAsStream("/test_vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyTestVectorIsReproducedToRounding() throws IOException {
        JsonNode root = vectors();
        int checked = 0;
        Iterator<Map.Entry<String, JsonNode>> problems =
                root.get("test_vectors").fields();
        while (problems.hasNext()) {
            Map.Entry<String, JsonNode> e = problems.next();
            Problem problem = Problems.byName(e.getKey());
            for (JsonNode vector : e.getValue()) {
                double[] x = new double[vector.get("x").size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = vector.get("x").get(i).asDouble();
                }
                double expected = vector.get("f").asDouble();
                double actual = problem.evaluate(x);
                assertThat(Math.abs(actual - expected))
                        .as("%s at %s", problem.name(), java.util.Arrays.toString(x))
                        .isLessThanOrEqualTo(1e-12 * Math.abs(expected) + 1e-15);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(21);
    }

    @Test
    void optimaMatchTheProtocolFile() throws IOException {
        JsonNode optima = vectors().get("optima");
        assertThat(optima.size()).isEqualTo(Problems.all().size());
        for (Problem p : Problems.all()) {
            assertThat(p.optimum()).as(p.name()).isEqualTo(optima.get(p.name()).asDouble());
        }
    }

    @Test
    void objectiveSuggestsTheProtocolNamesInOrderWithinTheDomains() {
        Problem problem = Problems.hartmann6();
        Study study = Study.builder()
                .direction(Direction.MINIMIZE)
                .sampler(new RandomSampler(3))
                .build();
        study.optimize(problem.objective(), 5);
        for (FrozenTrial t : study.trials()) {
            assertThat(new ArrayList<>(t.params().keySet())).containsExactly("x0", "x1", "x2", "x3", "x4", "x5");
            double[] x =
                    t.params().values().stream().mapToDouble(v -> (Double) v).toArray();
            for (double v : x) {
                assertThat(v).isBetween(0.0, 1.0);
            }
            assertThat(t.value()).isEqualTo(problem.evaluate(x));
        }
    }

    @Test
    void dimensionsAndDomainsFollowTheProtocol() {
        List<String> summary = Problems.all().stream()
                .map(p -> p.name() + ":" + p.dimension() + ":"
                        + p.parameters().get(0).distribution().low() + ".."
                        + p.parameters().get(0).distribution().high())
                .toList();
        assertThat(summary)
                .containsExactly(
                        "branin:2:-5.0..10.0",
                        "hartmann6:6:0.0..1.0",
                        "rosenbrock5:5:-2.048..2.048",
                        "ackley10:10:-32.768..32.768",
                        "styblinski_tang8:8:-5.0..5.0");
        assertThat(Problems.branin().parameters().get(1).distribution().high()).isEqualTo(15.0);
    }

    @Test
    void wrongArityAndUnknownNamesAreRejected() {
        assertThatThrownBy(() -> Problems.branin().evaluate(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 2 values, got 3");
        assertThatThrownBy(() -> Problems.byName("sphere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sphere");
    }
}
