package io.tunekit;

import io.tunekit.sampler.DefaultSamplerProvider;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sampler of a study built or loaded without one: TPE when the samplers module is on the
 * path (found once per JVM through {@link ServiceLoader}), else random search. Which one is
 * logged once per JVM, so ported Optuna code never searches worse without a word.
 */
final class DefaultSampler {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());
    private static final Optional<DefaultSamplerProvider> PROVIDER = ServiceLoader.load(
                    DefaultSamplerProvider.class, DefaultSampler.class.getClassLoader())
            .findFirst();
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    private DefaultSampler() {}

    /** A new default sampler. */
    static Sampler create() {
        Sampler sampler = PROVIDER.map(DefaultSamplerProvider::newSampler).orElseGet(RandomSampler::new);
        if (ANNOUNCED.compareAndSet(false, true)) {
            LOG.log(
                    Level.INFO,
                    PROVIDER.isPresent()
                            ? "Studies without a sampler use "
                                    + sampler.getClass().getSimpleName() + "."
                            : "Studies without a sampler use RandomSampler: add tunekit-samplers to the class"
                                    + " path for TpeSampler, Optuna's default.");
        }
        return sampler;
    }
}
