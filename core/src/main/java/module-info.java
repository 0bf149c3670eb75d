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

    // Helpers Tunekit's modules share; not an API.
    exports io.tunekit.internal to
            io.tunekit.samplers,
            io.tunekit.storage;
}
