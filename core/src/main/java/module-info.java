/**
 * Tunekit's core: {@link io.tunekit.Study}, {@link io.tunekit.Trial}, the distributions, the
 * sampler, pruner and storage contracts, {@link io.tunekit.sampler.RandomSampler} and
 * {@link io.tunekit.storage.InMemoryStorage}. No third-party dependency.
 */
// "module": the qualified exports name Tunekit modules that are not on this module's path when it
// is compiled, which javac reports although it is expected.
@SuppressWarnings("module")
module io.tunekit.core {
    exports io.tunekit;
    exports io.tunekit.distribution;
    exports io.tunekit.pruner;
    exports io.tunekit.sampler;
    exports io.tunekit.storage;

    requires java.logging; // TunekitLogging sets the level of the io.tunekit logger in the JDK's default backend

    // The default sampler: TpeSampler when tunekit-samplers provides one, else RandomSampler.
    uses io.tunekit.sampler.DefaultSamplerProvider;

    // Helpers Tunekit's modules share; not an API. The rule in every Tunekit module (checked by
    // examples/consumer): each package is exported to everyone, except those with an "internal"
    // name segment, which are exported, if at all, only to Tunekit modules.
    exports io.tunekit.internal to
            io.tunekit.samplers,
            io.tunekit.storage;
}
