package io.tunekit.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.benchmarks.Format;
import io.tunekit.benchmarks.OptunaBaseline;
import io.tunekit.benchmarks.problems.Problems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityReportTest {

    private static RunResult run(String sampler, long seed, double... values) {
        List<Double> v = java.util.Arrays.stream(values).boxed().toList();
        List<Double> curve = new java.util.ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (double x : values) {
            best = Math.min(best, x);
            curve.add(best);
        }
        return new RunResult(
                "toy", sampler, seed, values.length, sampler, 1.0, v, curve, Map.of(), 0.5, 0.4, false, null);
    }

    @Test
    void regretIsBestSoFarMinusTheOptimumSummarisedOverSeeds() {
        List<RunResult> runs = List.of(run("s", 0, 5, 3, 4), run("s", 1, 2, 2, 1.5), run("s", 2, 9, 9, 9));
        QualityReport report = new QualityReport(runs, 3, List.of(0L, 1L, 2L), null);
        assertThat(report.checkpoints()).containsExactly(3);
        QualityReport.Stats at2 = report.regret("toy", "s", 2).orElseThrow();
        // regrets at 2 trials: 2, 1, 8 -> median 2, quartiles 1.5 and 5
        assertThat(at2.median()).isEqualTo(2);
        assertThat(at2.q25()).isEqualTo(1.5);
        assertThat(at2.q75()).isEqualTo(5);
        assertThat(at2.n()).isEqualTo(3);
        assertThat(runs.get(1).regretAt(3)).isEqualTo(0.5);
        assertThat(runs.get(1).regretAt(4)).isNaN();
    }

    @Test
    void checkpointsAreTheProtocolsUpToTheBudget() {
        assertThat(QualityReport.checkpoints(200)).containsExactly(25, 50, 100, 200);
        assertThat(QualityReport.checkpoints(60)).containsExactly(25, 50);
        assertThat(QualityReport.checkpoints(10)).containsExactly(10);
        assertThat(QualityReport.checkpoints(500)).containsExactly(25, 50, 100, 200, 500);
    }

    @Test
    void aRealRunProducesTheProtocolJsonAndATableWithOptunasRows() {
        QualityRunner runner = new QualityRunner(30, null, 2);
        List<RunResult> runs = runner.run(List.of(Problems.branin()), List.of("random"), List.of(0L, 1L), r -> {});
        assertThat(runs).extracting(RunResult::seed).containsExactly(0L, 1L);
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.nTrials()).isEqualTo(30);
            assertThat(r.bestCurve().get(29))
                    .isEqualTo(r.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElseThrow());
            assertThat(r.bestValue()).isGreaterThanOrEqualTo(r.optimum());
            assertThat(r.bestParams()).containsOnlyKeys("x0", "x1");
        });
        QualityReport report = new QualityReport(runs, 30, List.of(0L, 1L), OptunaBaseline.load());
        Map<String, Object> json = report.json();
        assertThat(json).containsOnlyKeys("meta", "summary", "runs");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> summary =
                (Map<String, Map<String, Map<String, Object>>>) json.get("summary");
        assertThat(summary.get("branin").get("random")).containsKeys("25", "wall_s_median", "cpu_s_median");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runList = (List<Map<String, Object>>) json.get("runs");
        assertThat(runList.get(0))
                .containsKeys(
                        "problem",
                        "sampler",
                        "seed",
                        "budget",
                        "sampler_spec",
                        "optimum",
                        "n_trials",
                        "values",
                        "best_curve",
                        "best_value",
                        "best_params",
                        "wall_s",
                        "cpu_s",
                        "timed_out",
                        "error");
        String md = report.markdown();
        assertThat(md)
                .contains(
                        "### branin (optimum 0.3978873577297384)",
                        "| random | 2 |",
                        "| optuna-3.1 tpe | 15 | 0.489 [0.222 .. 0.87] |");
    }

    @Test
    void baselineParsesQualityAndOverheadTables() {
        OptunaBaseline b = OptunaBaseline.load();
        assertThat(b.samplers("hartmann6")).containsExactly("random", "tpe", "tpe_multivariate", "cmaes", "qmc");
        assertThat(b.regret("rosenbrock5", "tpe", 200).orElseThrow())
                .isEqualTo(new OptunaBaseline.Spread(4.12, 4.55, 4.85));
        assertThat(b.bestTpeMedian("hartmann6", 100)).contains(0.199);
        assertThat(b.bestTpeMedian("hartmann6", 200)).contains(0.11);
        assertThat(b.overhead()).hasSize(8);
        assertThat(b.overhead().get(1).config()).isEqualTo("tpe");
        assertThat(b.overhead().get(1).msPerTrialLast()).isEqualTo(80.24);
    }

    @Test
    void numbersPrintWithThreeSignificantDigits() {
        assertThat(Format.sig3(0.00341)).isEqualTo("0.00341");
        assertThat(Format.sig3(0.5)).isEqualTo("0.5");
        assertThat(Format.sig3(112.4)).isEqualTo("112");
        assertThat(Format.sig3(1.21e-5)).isEqualTo("1.21e-05");
        assertThat(Format.sig3(15623.7)).isEqualTo("15600");
        assertThat(Format.sig3(4.4e-16)).isEqualTo("4.4e-16");
    }
}
