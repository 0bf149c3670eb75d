"""Optuna 5.0's NSGAIISampler and NSGAIIISampler (population 50, Optuna's other defaults) on the
NSGA benchmark problems: ZDT1, ZDT2, ZDT3 (30 variables in [0, 1]) and DTLZ2 (3 objectives, 12
variables in [0, 1]), the formulas of ParetoProblems.java.

Writes one JSON document: for each problem, sampler and seed, the objective values of every
COMPLETE trial in trial order, and the wall-clock and process CPU time at the end of each trial. The Java side
(`hypervolume --optuna-python ...`) runs this script and computes the hypervolume of both with
one implementation. Run alone:

    /work/main/.venv-optuna/bin/python benchmarks/scripts/optuna5_nsga.py \
        --problems zdt1,zdt2,zdt3,dtlz2 --samplers nsga2,nsga3 --seeds 0-14 --trials 1000 --out optuna5-nsga.json
"""
import argparse
import json
import math
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)


def zdt(second):
    def objective(trial):
        x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(30)]
        g = 1 + 9 * sum(x[1:]) / 29
        return x[0], g * second(x[0], g)
    return objective


def dtlz2(trial):
    x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(12)]
    g = sum((xi - 0.5) ** 2 for xi in x[2:])
    a, b = x[0] * math.pi / 2, x[1] * math.pi / 2
    return ((1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a))


PROBLEMS = {
    "zdt1": (zdt(lambda f1, g: 1 - math.sqrt(f1 / g)), 2),
    "zdt2": (zdt(lambda f1, g: 1 - (f1 / g) ** 2), 2),
    "zdt3": (zdt(lambda f1, g: 1 - math.sqrt(f1 / g) - f1 / g * math.sin(10 * math.pi * f1)), 2),
    "dtlz2": (dtlz2, 3),
}

SAMPLERS = {
    "nsga2": lambda seed, population: optuna.samplers.NSGAIISampler(population_size=population, seed=seed),
    "nsga3": lambda seed, population: optuna.samplers.NSGAIIISampler(population_size=population, seed=seed),
}


def seeds(spec):
    out = []
    for part in spec.split(","):
        if "-" in part[1:]:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", default="zdt1,zdt2,zdt3,dtlz2")
    parser.add_argument("--samplers", default="nsga2,nsga3")
    parser.add_argument("--seeds", default="0-14")
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--population", type=int, default=50)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    runs = []
    for problem in args.problems.split(","):
        objective, n_objectives = PROBLEMS[problem]
        for name in args.samplers.split(","):
            for seed in seeds(args.seeds):
                study = optuna.create_study(directions=["minimize"] * n_objectives,
                                            sampler=SAMPLERS[name](seed, args.population))
                ends, cpu_ends = [], []

                def record(_study, _trial):
                    ends.append(time.perf_counter() - t0)
                    cpu_ends.append(time.process_time() - c0)

                t0, c0 = time.perf_counter(), time.process_time()
                study.optimize(objective, n_trials=args.trials, callbacks=[record])
                values = [t.values for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
                runs.append({"problem": problem, "sampler": name, "seed": seed, "values": values,
                             "trial_end_seconds": ends, "trial_end_cpu_seconds": cpu_ends})
                print(f"optuna {problem} {name} seed {seed}: {ends[-1]:.2f} s", flush=True)
    with open(args.out, "w") as f:
        json.dump({"optuna": optuna.__version__, "population": args.population, "runs": runs}, f)


if __name__ == "__main__":
    main()
