/**
 * When to stop a study: {@link io.tunekit.analysis.terminator.Terminator} compares the room left
 * for improvement ({@link io.tunekit.analysis.terminator.RegretBound} on the GP sampler's model,
 * {@link io.tunekit.analysis.terminator.BestValueStagnation}, {@link
 * io.tunekit.analysis.terminator.Emmr}) with the objective's noise ({@link
 * io.tunekit.analysis.terminator.CrossValidationError}, {@link
 * io.tunekit.analysis.terminator.StaticError}, {@link io.tunekit.analysis.terminator.MedianError});
 * {@link io.tunekit.analysis.terminator.TerminatorCallback} stops {@code optimize} with it.
 */
package io.tunekit.analysis.terminator;
