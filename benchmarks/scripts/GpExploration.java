import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.gp.GpSampler;
import io.tunekit.samplers.gp.LengthscalePrior;
import io.tunekit.samplers.tpe.TpeSampler;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where GpSampler (Tunekit's model, and Optuna's: no output warping, Optuna's length scale prior)
 * and TpeSampler look on styblinski_tang8 (docs/benchmarks.md), seeds 0..N-1, 100
 * trials: over trials 50-99, the share of coordinates within 0.5 of a bound of [-5, 5], and the
 * mean distance of a proposal from the best point so far; over the best points, how much regret
 * comes from coordinates in the wrong well (x > 0) and how much from coordinates away from their
 * well's minimum. Run from the repository root after building the benchmarks jar:
 *
 *   java -cp benchmarks/target/tunekit-benchmarks.jar benchmarks/scripts/GpExploration.java 15
 */
public class GpExploration {

    private static double term(double v) {
        return 0.5 * (v * v * v * v - 16 * v * v + 5 * v);
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        for (String name : List.of("gp", "gp-optuna", "tpe")) {
            double edges = 0;
            double distance = 0;
            double[] wrongWell = new double[seeds];
            double[] unrefined = new double[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                Sampler sampler = switch (name) {
                    case "gp" -> GpSampler.builder().seed(seed).build();
                    case "gp-optuna" -> GpSampler.builder().seed(seed).warpOutputs(false)
                            .lengthscalePrior(LengthscalePrior.OPTUNA).build();
                    default -> TpeSampler.builder().seed(seed).build();
                };
                Study study = Study.builder().direction(Direction.MINIMIZE).sampler(sampler).build();
                study.optimize(t -> {
                    double sum = 0;
                    for (int i = 0; i < 8; i++) {
                        sum += term(t.suggestFloat("x" + i, -5, 5));
                    }
                    return sum;
                }, OptimizeOptions.trials(100));
                List<FrozenTrial> trials = study.trials();
                FrozenTrial best = trials.get(0);
                for (int k = 1; k < 100; k++) {
                    FrozenTrial t = trials.get(k);
                    if (k >= 50) {
                        double d2 = 0;
                        for (int i = 0; i < 8; i++) {
                            double v = (Double) t.params().get("x" + i);
                            double b = (Double) best.params().get("x" + i);
                            edges += Math.abs(v) > 4.5 ? 1 : 0;
                            d2 += (v - b) * (v - b);
                        }
                        distance += Math.sqrt(d2);
                    }
                    if (t.values().get(0) < best.values().get(0)) {
                        best = t;
                    }
                }
                int positive = 0;
                for (int i = 0; i < 8; i++) {
                    positive += (Double) best.params().get("x" + i) > 0 ? 1 : 0;
                }
                // the well at x > 0 bottoms out at -25.0294, the global one at -39.1662
                wrongWell[seed] = positive * (39.16616570377141 - 25.02944665528394);
                unrefined[seed] = best.values().get(0) + 313.3293256301714 - wrongWell[seed];
            }
            java.util.Arrays.sort(wrongWell);
            java.util.Arrays.sort(unrefined);
            System.out.printf("%s: trials 50-99: %.1f%% of coordinates within 0.5 of a bound, mean distance to the best "
                            + "point %.2f; best point's regret: median %.1f from wrong wells, %.1f from unrefined coordinates%n",
                    name, 100 * edges / (50.0 * 8 * seeds), distance / (50.0 * seeds),
                    wrongWell[seeds / 2], unrefined[seeds / 2]);
        }
    }
}
