package io.tunekit.sampler;

/**
 * Supplies the sampler of a study built without {@code .sampler(...)}. Core finds providers
 * through {@link java.util.ServiceLoader}: the samplers module registers one that gives a
 * {@code TpeSampler} (Optuna's default), so TPE is the default whenever that module is on the
 * class (or module) path, and {@link RandomSampler} when it is not.
 */
public interface DefaultSamplerProvider {

    /**
     * A new sampler with its default settings and a random seed.
     *
     * @return a sampler no other study shares
     */
    Sampler newSampler();
}
