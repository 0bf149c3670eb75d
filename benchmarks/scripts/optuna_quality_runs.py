"""Optuna's CmaEsSampler or QMCSampler on the protocol's five problems (PROTOCOL.md sections 1
and 2.2) for a seed range, written in the `quality` suite's JSON layout (`runs` with `sampler`,
`problem`, `seed`, `optimum`, `best_curve`), so that `paired_regret.py` can compare them with
Tunekit's runs seed by seed after `merge_quality_runs.py` joins the files:

    /usr/bin/python3 benchmarks/scripts/optuna_quality_runs.py cmaes 0-49 optuna-cmaes.json
    .venv-optuna/bin/python benchmarks/scripts/optuna_quality_runs.py qmc 0-49 optuna-qmc.json
    .venv-optuna/bin/python benchmarks/scripts/optuna_quality_runs.py qmc 0-199 q.json rosenbrock5

An optional fourth argument limits the problems (comma-separated). QMCSampler needs SciPy, which
Debian's Python lacks: run it with the Optuna 5.0 venv.

Samplers as the baseline ran them: `CmaEsSampler(seed=s)`, `QMCSampler(qmc_type="sobol",
scramble=True, seed=s+1)`; 200 trials, sequential, in memory. The sampler is named
`optuna-<name>` in the output.
"""
import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
import warnings  # noqa: E402

warnings.simplefilter("ignore")

PI = 3.141592653589793
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
ALPHA = [1.0, 1.2, 3.0, 3.2]


def xs(t, n, low, high):
    return [t.suggest_float(f"x{i}", low, high) for i in range(n)]


def branin(t):
    x0 = t.suggest_float("x0", -5, 10)
    x1 = t.suggest_float("x1", 0, 15)
    b, c, r, s, tt = 5.1 / (4 * PI ** 2), 5 / PI, 6, 10, 1 / (8 * PI)
    return (x1 - b * x0 ** 2 + c * x0 - r) ** 2 + s * (1 - tt) * math.cos(x0) + s


def hartmann6(t):
    x = xs(t, 6, 0, 1)
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


def rosenbrock5(t):
    x = xs(t, 5, -2.048, 2.048)
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(4))


def ackley10(t):
    x = xs(t, 10, -32.768, 32.768)
    d = 10
    return (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / d))
            - math.exp(sum(math.cos(2 * PI * v) for v in x) / d) + 20 + 2.718281828459045)


def styblinski_tang8(t):
    x = xs(t, 8, -5, 5)
    return 0.5 * sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x)


PROBLEMS = {
    "branin": (branin, 0.39788735772973816),
    "hartmann6": (hartmann6, -3.3223680114155134),
    "rosenbrock5": (rosenbrock5, 0.0),
    "ackley10": (ackley10, 0.0),
    "styblinski_tang8": (styblinski_tang8, -313.32932563017135),
}


def sampler(name, seed):
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    if name == "qmc":
        return optuna.samplers.QMCSampler(qmc_type="sobol", scramble=True, seed=seed + 1)
    raise SystemExit("sampler must be cmaes or qmc")


def main(name, seeds, out, problems=None, budget=200):
    first, last = (int(v) for v in seeds.split("-"))
    chosen = problems.split(",") if problems else list(PROBLEMS)
    runs = []
    for problem in chosen:
        objective, optimum = PROBLEMS[problem]
        for seed in range(first, last + 1):
            study = optuna.create_study(sampler=sampler(name, seed))
            study.optimize(objective, n_trials=budget)
            curve, best = [], math.inf
            for t in study.trials:
                best = min(best, t.value)
                curve.append(best)
            runs.append({"problem": problem, "sampler": "optuna-" + name, "seed": seed, "optimum": optimum,
                         "best_curve": curve})
        print(problem, "done", file=sys.stderr, flush=True)
    json.dump({"meta": {"tool": "optuna_quality_runs.py", "optuna": optuna.__version__}, "runs": runs},
              open(out, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:5])
