/**
 * Gaussian-process Bayesian optimisation: {@link io.tunekit.samplers.gp.GpSampler} and its
 * package-private parts (log EI acquisition, output warping and the mixed continuous/discrete
 * acquisition search). The model itself (Matern 5/2 GP on EJML, MAP kernel fit,
 * a bounded L-BFGS) lives in the internal package {@code io.tunekit.samplers.gp.internal}, which
 * Tunekit's analysis module shares.
 */
package io.tunekit.samplers.gp;
