"""Optuna 3.1.0's TPE on branin and rosenbrock5 (docs/benchmarks.md §1) over a seed range.

Prints the median simple regret at 25/50/100/200 trials per problem and TPE variant, and
writes quantiles (25%, median, 75%) as JSON, to compare Tunekit's `quality` suite with Optuna
on seeds beyond the baseline's 0-14 (docs/benchmarks.md). Needs Debian's python3-optuna (3.1.0):

    /usr/bin/python3 benchmarks/scripts/optuna_tpe_seeds.py 15 59 optuna-tpe-seeds.json
"""
import json
import math
import sys

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)


def branin(x0, x1):
    a, b, c, r, s, t = 1, 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6, 10, 1 / (8 * math.pi)
    return a * (x1 - b * x0 ** 2 + c * x0 - r) ** 2 + s * (1 - t) * math.cos(x0) + s


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(4))


PROBLEMS = {
    "branin": (lambda t: branin(t.suggest_float("x0", -5, 10), t.suggest_float("x1", 0, 15)), 0.3978873577297384),
    "rosenbrock5": (lambda t: rosenbrock([t.suggest_float(f"x{i}", -2.048, 2.048) for i in range(5)]), 0.0),
}


def main(first, last, out):
    result = {}
    for name, (objective, optimum) in PROBLEMS.items():
        for variant in ("tpe", "tpe_multivariate"):
            regrets = {k: [] for k in (25, 50, 100, 200)}
            for seed in range(first, last + 1):
                sampler = optuna.samplers.TPESampler(seed=seed, multivariate=variant != "tpe")
                study = optuna.create_study(sampler=sampler)
                study.optimize(objective, n_trials=200)
                values = [t.value for t in study.trials]
                for k in regrets:
                    regrets[k].append(min(values[:k]) - optimum)
            result[f"{name}/{variant}"] = {k: [float(np.quantile(r, q)) for q in (0.25, 0.5, 0.75)]
                                           for k, r in regrets.items()}
            print(name, variant, {k: round(float(np.median(r)), 5) for k, r in regrets.items()}, flush=True)
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
