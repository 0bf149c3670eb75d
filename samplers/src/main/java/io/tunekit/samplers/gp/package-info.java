/**
 * Gaussian-process Bayesian optimisation: {@link io.tunekit.samplers.gp.GpSampler} and its
 * package-private parts (input encoding, Matern 5/2 GP on EJML, MAP kernel fit, log EI
 * acquisition, a bounded L-BFGS and the mixed continuous/discrete acquisition search).
 */
package io.tunekit.samplers.gp;
