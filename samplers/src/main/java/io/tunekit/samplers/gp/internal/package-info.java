/**
 * Internal to Tunekit, not an API: the Gaussian-process model of {@link
 * io.tunekit.samplers.gp.GpSampler} (Matern 5/2 kernel, MAP fit of its
 * hyperparameters, posterior), in a package of its own so that Tunekit's analysis module (the
 * terminator's regret bound) uses the very model the sampler uses rather than a copy. It is
 * exported only to {@code io.tunekit.analysis}; its classes may change in any release.
 */
package io.tunekit.samplers.gp.internal;
