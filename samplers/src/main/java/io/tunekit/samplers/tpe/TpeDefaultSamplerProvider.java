package io.tunekit.samplers.tpe;

import io.tunekit.sampler.DefaultSamplerProvider;
import io.tunekit.sampler.Sampler;

/**
 * Makes {@link TpeSampler} the sampler of studies built without one, as in Optuna, whenever this
 * module is on the class or module path (registered for {@link java.util.ServiceLoader}).
 */
public final class TpeDefaultSamplerProvider implements DefaultSamplerProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public TpeDefaultSamplerProvider() {}

    @Override
    public Sampler newSampler() {
        return TpeSampler.builder().build();
    }
}
