"""Reference values of Optuna 5.0's NSGA-II/NSGA-III pieces, pinned in the tests of
io.tunekit.samplers.nsga (NsgaReferenceTest). Run with a Python that has optuna 5.0.0:

    /work/main/.venv-optuna/bin/python samplers/src/test/python/nsga_reference.py

Random draws are scripted (ScriptedRng replays fixed uniforms and standard normals), so each
crossover's and mutation's exact output can be compared with Tunekit's for the same draws.
Prints one JSON document.
"""
import json
import math

import numpy as np
import optuna
from optuna.distributions import FloatDistribution
from optuna.samplers._nsgaiii._elite_population_selection_strategy import (
    _associate_individuals_with_reference_points,
    _filter_inf,
    _generate_default_reference_point,
    _normalize_objective_values,
)
from optuna.samplers.nsgaii import (
    BLXAlphaCrossover, SBXCrossover, SPXCrossover, UNDXCrossover, UniformCrossover, VSBXCrossover,
)
from optuna.samplers.nsgaii._elite_population_selection_strategy import (
    NSGAIIElitePopulationSelectionStrategy,
    _calc_crowding_distance,
    _crowding_distance_sort,
)
from optuna.samplers.nsgaii._mutations import PolynomialMutation
from optuna.study._multi_objective import _fast_non_domination_rank
from optuna.trial import TrialState, create_trial

optuna.logging.set_verbosity(optuna.logging.ERROR)

UNIFORMS = [0.12, 0.87, 0.45, 0.33, 0.91, 0.05, 0.64, 0.28, 0.77, 0.5, 0.19, 0.95, 0.38, 0.71, 0.02,
            0.56, 0.83, 0.24, 0.68, 0.41]
NORMALS = [0.3, -1.2, 0.7, 2.1, -0.4, 1.5, -0.9, 0.05]


class ScriptedRng:
    """Replays UNIFORMS for rand() and NORMALS (standard) for normal()."""

    def __init__(self):
        self.u = 0
        self.z = 0

    def rand(self, n=None):
        if n is None:
            self.u += 1
            return UNIFORMS[self.u - 1]
        out = np.array(UNIFORMS[self.u:self.u + n])
        self.u += n
        return out

    def normal(self, loc, scale, size=None):
        if size is None:
            self.z += 1
            return loc + scale * NORMALS[self.z - 1]
        out = loc + scale * np.array(NORMALS[self.z:self.z + size])
        self.z += size
        return out


class FakeStudy:
    def __init__(self, n_objectives):
        self.directions = [optuna.study.StudyDirection.MINIMIZE] * n_objectives

    def _is_multi_objective(self):
        return len(self.directions) > 1


def trial(number, values, constraints=None):
    attrs = {}
    if constraints is not None:
        attrs = {f"constraints:{i}": c for i, c in enumerate(constraints)}
    t = create_trial(state=TrialState.COMPLETE, values=values, params={"x": 0.5},
                     distributions={"x": FloatDistribution(0, 1)}, system_attrs=attrs)
    t.number = number
    t._trial_id = number
    return t


def crossovers():
    parents3 = np.array([[0.2, 1.5, -0.7, 3.0], [0.6, 0.5, 0.1, 2.2], [0.9, 1.1, -0.2, 2.9]])
    bounds = np.array([[0.0, 1.0], [0.0, 2.0], [-1.0, 1.0], [2.0, 4.0]])
    out = {}
    cases = {
        "uniform": UniformCrossover(0.5),
        "blxalpha": BLXAlphaCrossover(0.5),
        "sbx": SBXCrossover(),
        "sbx_eta5": SBXCrossover(eta=5.0),
        "vsbx": VSBXCrossover(),
        "undx": UNDXCrossover(),
        "spx": SPXCrossover(),
    }
    for name, c in cases.items():
        for objectives in (1, 2):
            child = c.crossover(parents3[:c.n_parents], ScriptedRng(), FakeStudy(objectives), bounds)
            out[f"{name}/{objectives}"] = [float(v) for v in child]
    return out


def mutations():
    m = PolynomialMutation(eta=20.0)
    out = []
    for x, lo, hi in [(0.3, 0.0, 1.0), (0.95, 0.0, 1.0), (-2.0, -5.0, 5.0)]:
        rng = ScriptedRng()
        values = []
        for _ in range(6):
            values.append(float(m.mutation(x, rng, None, np.array([lo, hi]))))
        out.append({"x": x, "low": lo, "high": hi, "values": values})
    return out


def crowding():
    values = [[1.0, 9.0], [2.0, 7.0], [2.0, 7.0], [4.0, 4.0], [7.0, 2.0], [9.0, 1.0], [5.5, 3.5],
              [3.0, math.inf], [0.5, 9.5]]
    population = [trial(i, v) for i, v in enumerate(values)]
    distances = _calc_crowding_distance(list(population))
    order = list(population)
    _crowding_distance_sort(order)
    return {"values": values, "distances": [distances[t.number] for t in population],
            "sorted_numbers": [t.number for t in order]}


def ranks():
    loss = np.array([[1, 5], [2, 2], [5, 1], [3, 3], [4, 4], [2, 2], [6, 6], [1, 7], [0.5, 8]], dtype=float)
    penalty = np.array([0, 0, 0.5, 0, 2.0, 0, 0, 0.5, 0.1])
    return {"loss": loss.tolist(), "penalty": penalty.tolist(),
            "ranks": _fast_non_domination_rank(loss).tolist(),
            "constrained_ranks": _fast_non_domination_rank(loss, penalty=penalty).tolist()}


def reference_points():
    values = np.array([[0.1, 0.9, 0.8], [0.7, 0.2, 0.6], [0.9, 0.9, 0.05], [0.5, 0.5, 0.5],
                       [0.2, 0.3, 1.4], [1.2, 0.1, 0.3], [0.4, 1.1, 0.2], [np.inf, 0.05, 0.9]])
    population = [trial(i, list(v)) for i, v in enumerate(values)]
    filtered = _filter_inf(population)
    normalized = _normalize_objective_values(filtered.copy())
    refs = _generate_default_reference_point(3, 3)
    closest, distance = _associate_individuals_with_reference_points(normalized, refs)
    return {"values": [[float(x) for x in row] for row in values.tolist()],
            "filtered": filtered.tolist(), "normalized": normalized.tolist(),
            "reference_points": refs.tolist(), "closest": closest.tolist(), "distance": distance.tolist()}


def nsga2_selection():
    values = [[1.0, 9.0], [2.0, 7.0], [3.0, 6.5], [4.0, 4.0], [7.0, 2.0], [9.0, 1.0], [5.5, 3.5],
              [3.5, 8.0], [6.0, 6.0], [8.0, 3.0], [2.5, 9.5], [9.5, 2.5]]
    constraints = [[0], [0], [0.3], [0], [0], [1.0], [0], [0], [0], [0], [0], [0.2]]
    plain = [trial(i, v) for i, v in enumerate(values)]
    constrained = [trial(i, v, c) for i, (v, c) in enumerate(zip(values, constraints))]
    s = NSGAIIElitePopulationSelectionStrategy(population_size=7)
    return {"values": values, "constraints": constraints,
            "selected": [t.number for t in s(FakeStudy(2), plain)],
            "selected_constrained": [t.number for t in s(FakeStudy(2), constrained)]}


print(json.dumps({
    "optuna": optuna.__version__,
    "uniforms": UNIFORMS,
    "normals": NORMALS,
    "crossovers": crossovers(),
    "mutations": mutations(),
    "crowding": crowding(),
    "ranks": ranks(),
    "reference_points": reference_points(),
    "nsga2_selection": nsga2_selection(),
}, indent=1))
