package io.tunekit.samplers.nsga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.samplers.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The pieces of NSGA-II and NSGA-III against Optuna 5.0.0: every expected value below was printed
 * by {@code samplers/src/test/python/nsga_reference.py} (run it with a Python that has Optuna 5.0
 * to regenerate them); random draws are scripted the same way on both sides.
 */
class NsgaReferenceTest {

    private static final double[] UNIFORMS = {
        0.12, 0.87, 0.45, 0.33, 0.91, 0.05, 0.64, 0.28, 0.77, 0.5, 0.19, 0.95, 0.38, 0.71, 0.02, 0.56, 0.83, 0.24, 0.68,
        0.41
    };
    private static final double[] NORMALS = {0.3, -1.2, 0.7, 2.1, -0.4, 1.5, -0.9, 0.05};
    private static final double[][] PARENTS = {{0.2, 1.5, -0.7, 3.0}, {0.6, 0.5, 0.1, 2.2}, {0.9, 1.1, -0.2, 2.9}};
    private static final double[][] BOUNDS = {{0.0, 1.0}, {0.0, 2.0}, {-1.0, 1.0}, {2.0, 4.0}};

    private static double[] cross(Crossover crossover, boolean multiObjective) {
        double[][] parents = new double[crossover.parents()][];
        System.arraycopy(PARENTS, 0, parents, 0, parents.length);
        return crossover.crossover(parents, new ScriptedRandom(UNIFORMS, NORMALS), BOUNDS, multiObjective);
    }

    private static void assertClose(double[] actual, double... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void uniformCrossover() {
        assertClose(cross(new UniformCrossover(0.5), false), 0.2, 0.5, -0.7, 3.0);
    }

    @Test
    void blxAlphaCrossover() {
        assertClose(
                cross(new BlxAlphaCrossover(0.5), true),
                0.09600000000000002,
                1.74,
                -0.3799999999999999,
                2.3280000000000003);
    }

    @Test
    void sbxCrossoverWithTheDefaultEtaOfOneAndOfSeveralObjectives() {
        assertClose(cross(new SbxCrossover(), false), 0.6, 0.5, -0.7, 2.269861636771857);
        assertClose(cross(new SbxCrossover(), true), 0.6, 0.5, -0.7, 2.207838665122085);
        assertClose(cross(SbxCrossover.withEta(5), true), 0.6, 0.5, -0.7, 2.2295455162768505);
    }

    @Test
    void vsbxCrossover() {
        assertClose(cross(new VsbxCrossover(), false), 0.6, 1.5, 0.11094692433552342, 1.8749227715343648);
        assertClose(cross(new VsbxCrossover(), true), 0.6, 1.5, 0.10153400625510989, 2.1548007704375696);
    }

    @Test
    void undxCrossoverIncludingTheSignsOfTheOrthonormalBasis() {
        assertClose(
                cross(new UndxCrossover(), true),
                0.4437464901431641,
                0.8957738670152208,
                -0.2059464650839793,
                2.5412094462185766);
    }

    @Test
    void spxCrossover() {
        assertClose(
                cross(new SpxCrossover(OptionalDouble.empty()), true),
                0.5880765353422005,
                0.09996132227447574,
                0.3627179635977497,
                1.8099198617740964);
    }

    @Test
    void polynomialMutation() {
        double[][] cases = {{0.3, 0, 1}, {0.95, 0, 1}, {-2, -5, 5}};
        double[][] expected = {
            {
                0.2343784118558903,
                0.3621322807621638,
                0.29499833794213454,
                0.2804214487857722,
                0.37841205349218493,
                0.19636450775334663
            },
            {
                0.8842997864994664,
                0.9813735084110913,
                0.944995397549855,
                0.9304080173672326,
                0.9863760678088507,
                0.8461505019466046
            },
            {
                -2.6562158814410965,
                -1.3786771923783618,
                -2.0500166205786545,
                -2.195785512142278,
                -1.2158794650781506,
                -3.0363549224665336
            }
        };
        PolynomialMutation mutation = new PolynomialMutation(20);
        for (int c = 0; c < cases.length; c++) {
            ScriptedRandom random = new ScriptedRandom(UNIFORMS, NORMALS);
            double[] values = new double[6];
            for (int k = 0; k < values.length; k++) {
                values[k] = mutation.mutate(cases[c][0], random, cases[c][1], cases[c][2]);
            }
            assertClose(values, expected[c]);
        }
    }

    @Test
    void crowdingDistanceAndOrderWithTiesDuplicatesAndAnInfiniteValue() {
        List<FrozenTrial> front = Trials.complete(new double[][] {
            {1.0, 9.0},
            {2.0, 7.0},
            {2.0, 7.0},
            {4.0, 4.0},
            {7.0, 2.0},
            {9.0, 1.0},
            {5.5, 3.5},
            {3.0, Double.POSITIVE_INFINITY},
            {0.5, 9.5}
        });
        double[] byNumber = {
            0.47058823529411764,
            0.47058823529411764,
            0.3529411764705882,
            0.7058823529411764,
            0.7058823529411764,
            Double.POSITIVE_INFINITY,
            0.5882352941176471,
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY
        };
        List<FrozenTrial> order = new ArrayList<>(front);
        double[] distances = CrowdingDistanceSelection.crowdingDistances(order);
        for (int i = 0; i < order.size(); i++) {
            assertThat(distances[i])
                    .as("trial %d", order.get(i).number())
                    .isCloseTo(byNumber[order.get(i).number()], within(1e-15));
        }
        assertThat(Trials.numbers(CrowdingDistanceSelection.sortByCrowdingDistance(front)))
                .containsExactly(7, 8, 5, 3, 4, 6, 0, 1, 2);
    }

    @Test
    void nonDominationRanksPlainAndConstrained() {
        double[][] loss = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {4, 4}, {2, 2}, {6, 6}, {1, 7}, {0.5, 8}};
        double[] penalty = {0, 0, 0.5, 0, 2.0, 0, 0, 0.5, 0.1};
        assertThat(NonDominatedSort.ranks(loss)).containsExactly(0, 0, 0, 1, 2, 0, 3, 1, 0);
        assertThat(NonDominatedSort.ranks(loss, penalty)).containsExactly(0, 0, 4, 1, 5, 0, 2, 4, 3);
    }

    @Test
    void nsgaIISelectionPlainAndConstrained() {
        double[][] values = {
            {1.0, 9.0},
            {2.0, 7.0},
            {3.0, 6.5},
            {4.0, 4.0},
            {7.0, 2.0},
            {9.0, 1.0},
            {5.5, 3.5},
            {3.5, 8.0},
            {6.0, 6.0},
            {8.0, 3.0},
            {2.5, 9.5},
            {9.5, 2.5}
        };
        double[][] constraints = {{0}, {0}, {0.3}, {0}, {0}, {1.0}, {0}, {0}, {0}, {0}, {0}, {0.2}};
        List<Direction> min2 = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        CrowdingDistanceSelection selection = new CrowdingDistanceSelection(7);
        assertThat(Trials.numbers(selection.select(min2, Trials.complete(values))))
                .containsExactly(0, 5, 4, 3, 2, 6, 1);
        assertThat(Trials.numbers(selection.select(min2, Trials.complete(values, constraints))))
                .containsExactly(0, 1, 3, 4, 6, 10, 9);
    }

    @Test
    void defaultReferencePointsInOptunasOrder() {
        assertThat(ReferencePointSelection.dasDennis(3, 3)).isDeepEqualTo(new double[][] {
            {3, 0, 0}, {2, 1, 0}, {2, 0, 1}, {1, 2, 0}, {1, 1, 1}, {1, 0, 2}, {0, 3, 0}, {0, 2, 1}, {0, 1, 2}, {0, 0, 3}
        });
        assertThat(ReferencePointSelection.dasDennis(2, 4)).hasNumberOfRows(5);
        assertThat(ReferencePointSelection.dasDennis(5, 3)).hasNumberOfRows(35); // binomial(5 + 3 - 1, 3)
    }

    @Test
    void referencePointNormalisationAndAssociation() {
        double[][] values = {
            {0.1, 0.9, 0.8},
            {0.7, 0.2, 0.6},
            {0.9, 0.9, 0.05},
            {0.5, 0.5, 0.5},
            {0.2, 0.3, 1.4},
            {1.2, 0.1, 0.3},
            {0.4, 1.1, 0.2},
            {Double.POSITIVE_INFINITY, 0.05, 0.9}
        };
        double[][] clipped = ReferencePointSelection.clipInfinities(values);
        assertThat(clipped[7][0]).isCloseTo(4.5, within(1e-12));
        double[][] normalized = ReferencePointSelection.normalize(clipped);
        double[][] expected = {
            {0.0, 0.5586854460093895, 0.4225352112676056},
            {0.4507042253521127, 0.09859154929577464, 0.30985915492957744},
            {0.6009389671361504, 0.5586854460093895, 0.0},
            {0.3004694835680752, 0.2957746478873239, 0.2535211267605634},
            {0.0751173708920188, 0.16431924882629104, 0.7605633802816901},
            {0.8262910798122065, 0.03286384976525821, 0.14084507042253522},
            {0.2253521126760564, 0.6901408450704224, 0.08450704225352114},
            {3.305164319248827, 0.0, 0.47887323943661975}
        };
        for (int i = 0; i < expected.length; i++) {
            assertClose(normalized[i], expected[i]);
        }
        ReferencePointSelection.Association a =
                ReferencePointSelection.associate(normalized, ReferencePointSelection.dasDennis(3, 3));
        assertThat(a.closest()).containsExactly(7, 2, 1, 4, 9, 0, 3, 0);
        assertClose(
                a.distance(),
                0.1280752550492838,
                0.12423142011943629,
                0.23095537795772458,
                0.03656751626149586,
                0.18067494276895638,
                0.14462837371595647,
                0.13640901422876894,
                0.47887323943661975);
    }
}
