package io.tunekit.benchmarks;

import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.cmaes.CmaEsSampler;
import io.tunekit.samplers.cmaes.RestartStrategy;
import io.tunekit.samplers.gp.GpSampler;
import io.tunekit.samplers.gp.LengthscalePrior;
import io.tunekit.samplers.nsga.NsgaIIISampler;
import io.tunekit.samplers.nsga.NsgaIISampler;
import io.tunekit.samplers.qmc.QmcSampler;
import io.tunekit.samplers.qmc.QmcType;
import io.tunekit.samplers.qmc.Scrambling;
import io.tunekit.samplers.tpe.TpeSampler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The samplers the benchmarks know, by name: each name maps a seed to a fresh sampler. A new
 * sampler joins every suite with one {@link #register} line in the static block below.
 */
public final class SamplerRegistry {

    private static final Map<String, LongFunction<Sampler>> SAMPLERS = new LinkedHashMap<>();

    static {
        register("random", RandomSampler::new);
        register("tpe", seed -> TpeSampler.builder().seed(seed).build());
        register(
                "tpe-univariate",
                seed -> TpeSampler.builder().seed(seed).multivariate(false).build());
        register("gp", seed -> GpSampler.builder().seed(seed).build());
        // Optuna's model, and each of Tunekit's two changes to it alone, to measure what they bring.
        register(
                "gp-optuna",
                seed -> GpSampler.builder()
                        .seed(seed)
                        .warpOutputs(false)
                        .lengthscalePrior(LengthscalePrior.OPTUNA)
                        .build());
        register(
                "gp-unwarped",
                seed -> GpSampler.builder().seed(seed).warpOutputs(false).build());
        register(
                "gp-optuna-prior",
                seed -> GpSampler.builder()
                        .seed(seed)
                        .lengthscalePrior(LengthscalePrior.OPTUNA)
                        .build());
        register("cmaes", seed -> CmaEsSampler.builder().seed(seed).build());
        register(
                "cmaes-ipop",
                seed -> CmaEsSampler.builder()
                        .seed(seed)
                        .restartStrategy(RestartStrategy.IPOP)
                        .build());
        register(
                "cmaes-bipop",
                seed -> CmaEsSampler.builder()
                        .seed(seed)
                        .restartStrategy(RestartStrategy.BIPOP)
                        .build());
        register(
                "cmaes-sep",
                seed -> CmaEsSampler.builder().seed(seed).useSeparableCma().build());
        // NSGA-II and NSGA-III with Optuna's defaults (population 50, uniform crossover)
        register("nsga2", seed -> NsgaIISampler.builder().seed(seed).build());
        register("nsga3", seed -> NsgaIIISampler.builder().seed(seed).build());
        // the protocol's qmc: scrambled Sobol, seed + 1 as Optuna 3.1's baseline ran it
        register(
                "qmc",
                seed -> QmcSampler.builder()
                        .scrambling(Scrambling.OWEN)
                        .seed(seed + 1)
                        .build());
        register(
                "qmc-halton",
                seed -> QmcSampler.builder()
                        .qmcType(QmcType.HALTON)
                        .scrambling(Scrambling.OWEN)
                        .seed(seed + 1)
                        .build());
    }

    private SamplerRegistry() {}

    private static void register(String name, LongFunction<Sampler> factory) {
        if (SAMPLERS.putIfAbsent(name, factory) != null) {
            throw new IllegalStateException("sampler name '" + name + "' is registered twice");
        }
    }

    /** The registered names, in registration order. */
    public static List<String> names() {
        return List.copyOf(Collections.unmodifiableSet(SAMPLERS.keySet()));
    }

    /**
     * A new sampler of this name with this seed.
     *
     * @throws IllegalArgumentException naming the known samplers if the name is unknown
     */
    public static Sampler create(String name, long seed) {
        LongFunction<Sampler> factory = SAMPLERS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown sampler '" + name + "'; known: " + names());
        }
        return factory.apply(seed);
    }
}
