package io.tunekit.samplers.tpe;

/**
 * The Parzen estimator options of the TPE sampler.
 *
 * @param priorWeight weight of the prior kernel relative to the observations' weights
 * @param magicClip whether bandwidths are at least {@code range / min(100, n + 2)} (else 1e-12)
 * @param endpoints whether the outermost observations take their bandwidth from the domain's ends
 */
record EstimatorSettings(double priorWeight, boolean magicClip, boolean endpoints) {}
