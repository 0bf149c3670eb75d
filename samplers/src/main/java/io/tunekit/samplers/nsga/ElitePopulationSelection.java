package io.tunekit.samplers.nsga;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.List;

/**
 * Chooses the survivors of a generation (Optuna's {@code elite_population_selection_strategy}):
 * given the previous generation's COMPLETE trials and its parents, the parents of the next
 * generation. {@link CrowdingDistanceSelection} is NSGA-II's, {@link ReferencePointSelection}
 * NSGA-III's; either sampler takes either one, or your own.
 *
 * <p>A sampler calls this once per generation for a whole study, whatever the number of workers:
 * the first worker to need a generation's parents selects them and stores them in the study
 * (compare-and-set); every other worker reads them.
 */
@FunctionalInterface
public interface ElitePopulationSelection {

    /**
     * The survivors, a sublist of {@code population} in the order they should be stored.
     *
     * @param directions the study's directions
     * @param population COMPLETE trials: the last generation followed by its parents
     */
    List<FrozenTrial> select(List<Direction> directions, List<FrozenTrial> population);
}
