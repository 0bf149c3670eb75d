/**
 * Which parameters mattered: {@link io.tunekit.analysis.importance.Importance} ranks a study's
 * parameters with {@link io.tunekit.analysis.importance.PedAnova} (the default), {@link
 * io.tunekit.analysis.importance.Fanova} or {@link io.tunekit.analysis.importance.MeanDecreaseImpurity},
 * optionally with bootstrap intervals.
 */
package io.tunekit.analysis.importance;
