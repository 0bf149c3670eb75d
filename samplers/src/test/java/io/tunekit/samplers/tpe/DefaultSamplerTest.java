package io.tunekit.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Study;
import io.tunekit.sampler.DefaultSamplerProvider;
import io.tunekit.storage.InMemoryStorage;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** With tunekit-samplers on the class path, a study without a sampler uses TPE, as in Optuna. */
class DefaultSamplerTest {

    @Test
    void studiesBuiltOrLoadedWithoutASamplerUseTpe() {
        assertThat(Study.builder().build().sampler()).isInstanceOf(TpeSampler.class);
        InMemoryStorage storage = new InMemoryStorage();
        Study.builder().name("s").storage(storage).build();
        assertThat(Study.load("s", storage).sampler()).isInstanceOf(TpeSampler.class);
    }

    @Test
    void eachStudyGetsItsOwnSampler() {
        assertThat(Study.builder().build().sampler())
                .isNotSameAs(Study.builder().build().sampler());
    }

    @Test
    void theProviderIsRegisteredForTheServiceLoader() {
        assertThat(ServiceLoader.load(DefaultSamplerProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(TpeDefaultSamplerProvider.class);
    }
}
