package io.tunekit.samplers.nsga;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.sampler.RandomSampler;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every child value lies in its distribution (range, step grid, log range, choice index),
 * whatever the crossover, the mutation and the space: ints and stepped floats land on their grid,
 * log parameters stay positive and in range.
 */
class ChildGenerationPropertyTest {

    @Provide
    Arbitrary<Distribution> domains() {
        Arbitrary<Distribution> floats = Combinators.combine(
                        Arbitraries.doubles().between(-1e3, 1e3).ofScale(6),
                        Arbitraries.doubles().between(1e-3, 1e3).ofScale(6))
                .as((low, width) -> FloatDistribution.of(low, low + width));
        Arbitrary<Distribution> stepped = Combinators.combine(
                        Arbitraries.doubles().between(-10, 10).ofScale(2),
                        Arbitraries.integers().between(1, 50),
                        Arbitraries.doubles().between(0.01, 2).ofScale(2))
                .as((low, n, step) -> FloatDistribution.stepped(low, low + n * step, step));
        Arbitrary<Distribution> logs = Combinators.combine(
                        Arbitraries.doubles().between(1e-8, 10).ofScale(9),
                        Arbitraries.doubles().between(1.01, 1e6).ofScale(6))
                .as((low, factor) -> FloatDistribution.logScale(low, low * factor));
        Arbitrary<Distribution> ints = Combinators.combine(
                        Arbitraries.integers().between(-1000, 1000),
                        Arbitraries.integers().between(1, 100),
                        Arbitraries.integers().between(1, 7))
                .as((low, n, step) -> IntDistribution.stepped(low, low + n * step, step));
        Arbitrary<Distribution> logInts = Combinators.combine(
                        Arbitraries.integers().between(1, 100),
                        Arbitraries.integers().between(1, 100000))
                .as((low, n) -> IntDistribution.logScale(low, low + n));
        Arbitrary<Distribution> cats = Arbitraries.integers()
                .between(2, 6)
                .map(n -> new CategoricalDistribution(
                        IntStream.range(0, n).boxed().toList()));
        return Arbitraries.oneOf(floats, stepped, logs, ints, logInts, cats);
    }

    @Provide
    Arbitrary<Crossover> crossovers() {
        return Arbitraries.of(
                new UniformCrossover(0.3),
                new BlxAlphaCrossover(0.5),
                new SbxCrossover(),
                new VsbxCrossover(),
                new UndxCrossover(),
                new SpxCrossover(OptionalDouble.empty()));
    }

    @Property(tries = 300)
    void childrenLieInTheirDistributions(
            @ForAll("domains") Distribution a,
            @ForAll("domains") Distribution b,
            @ForAll("domains") Distribution c,
            @ForAll("crossovers") Crossover crossover,
            @ForAll boolean polynomial,
            @ForAll long seed) {
        SortedMap<String, Distribution> space = new TreeMap<>(Map.of("a", a, "b", b, "c", c));
        SplittableRandom random = new SplittableRandom(seed);
        RandomSampler uniform = new RandomSampler(seed);
        int n = 3 + random.nextInt(6);
        double[][] internal = new double[n][space.size()];
        double[][] values = new double[n][2];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (Distribution d : space.values()) {
                internal[i][k++] = uniform.sampleIndependent(null, null, "p", d);
            }
            values[i] = new double[] {random.nextDouble(), random.nextDouble()};
        }
        List<FrozenTrial> parents = Trials.withParams(space, internal, values);
        ChildGeneration generation = new ChildGeneration(
                crossover, 0.9, 0.5, polynomial ? new PolynomialMutation() : Mutation.RESAMPLE, OptionalDouble.of(0.3));
        for (int child = 0; child < 20; child++) {
            Map<String, Double> out =
                    generation.child(List.of(Direction.MINIMIZE, Direction.MAXIMIZE), space, parents, random);
            assertThat(space.keySet()).containsAll(out.keySet());
            out.forEach((name, v) -> assertThat(space.get(name).contains(v))
                    .as("%s = %s in %s (%s)", name, v, space.get(name), crossover)
                    .isTrue());
        }
    }
}
