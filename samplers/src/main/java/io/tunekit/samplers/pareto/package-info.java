/**
 * Pareto dominance, non-dominated sorting and the hypervolume indicator, shared by the
 * multi-objective samplers (TPE's good group, NSGA-II and NSGA-III survival) and the benchmarks.
 * Every function works on loss vectors: all objectives minimised.
 */
package io.tunekit.samplers.pareto;
