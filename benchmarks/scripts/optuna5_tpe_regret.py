"""Optuna 5.0's TPESampler (defaults) on a protocol problem over a seed range: the simple regret
after each checkpoint, one JSON line per seed, so that Tunekit's `quality` JSON can be compared
seed set against seed set with tpe_regret_compare.py.

    /work/main/.venv-optuna/bin/python benchmarks/scripts/optuna5_tpe_regret.py \
        styblinski_tang8 0 299 200 > optuna5-tpe-st8.jsonl

Arguments: problem (branin, hartmann6, styblinski_tang8), first seed, last seed, trials.
"""
import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)

HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
              [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
              [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def branin(t):
    x0, x1 = t.suggest_float("x0", -5, 10), t.suggest_float("x1", 0, 15)
    b, c, tt = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x1 - b * x0 ** 2 + c * x0 - 6) ** 2 + 10 * (1 - tt) * math.cos(x0) + 10


def hartmann6(t):
    x = [t.suggest_float(f"x{i}", 0, 1) for i in range(6)]
    return -sum(HARTMANN_ALPHA[i] * math.exp(-sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2
                                                  for j in range(6))) for i in range(4))


def styblinski_tang8(t):
    x = [t.suggest_float(f"x{i}", -5, 5) for i in range(8)]
    return 0.5 * sum(xi ** 4 - 16 * xi ** 2 + 5 * xi for xi in x)


PROBLEMS = {
    "branin": (branin, 0.3978873577297384),
    "hartmann6": (hartmann6, -3.3223680114155134),
    "styblinski_tang8": (styblinski_tang8, -313.32932563017135),
}


def main(problem, first, last, trials):
    objective, optimum = PROBLEMS[problem]
    for seed in range(first, last + 1):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        study.optimize(objective, n_trials=trials)
        best, curve = math.inf, []
        for t in study.trials:
            best = min(best, t.value)
            curve.append(best - optimum)
        print(json.dumps({"problem": problem, "sampler": "optuna5-tpe", "seed": seed,
                          "optuna": optuna.__version__, "regret": curve}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
