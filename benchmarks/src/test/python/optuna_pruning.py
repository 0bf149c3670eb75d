"""The pruning suite's study in Python Optuna, to compare pruners' aggregate behaviour.

Run with Debian's Optuna 3.1.0 (apt-get install python3-optuna; /usr/bin/python3):

    /usr/bin/python3 benchmarks/src/test/python/optuna_pruning.py none,median,hyperband

For each pruner: 15 seeds of 200 trials with RandomSampler(seed) on the learning curves of
io.tunekit.benchmarks.pruning.LearningCurves (same formula; NumPy draws the noise, so single
runs differ from Tunekit's and only the distributions compare). It prints one markdown row per
pruner: mean steps consumed, mean pruned trials, the median [q25, q75] of the best trial's
final score. Compare with `pruning --sampler random --seeds 0-14`. The pruners are set up as in
PrunerRegistry (Optuna's defaults otherwise). TPE is not compared: Optuna 3.1's TPE is not 5.0's.
"""
import math
import sys
import warnings

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.simplefilter("ignore")

CENTRE = [0.3, 0.7, 0.5, 0.2]
WEIGHT = [1.0, 0.8, 0.6, 0.4]
STEPS = 50
TRIALS = 200


def pruner(name):
    p = optuna.pruners
    return {
        "none": lambda: p.NopPruner(),
        "median": lambda: p.MedianPruner(),
        "median-warmup": lambda: p.MedianPruner(n_warmup_steps=STEPS // 10),
        "percentile25": lambda: p.PercentilePruner(25),
        "successive-halving": lambda: p.SuccessiveHalvingPruner(),
        "hyperband": lambda: p.HyperbandPruner(max_resource=STEPS),
        "threshold": lambda: p.ThresholdPruner(upper=1.0, n_warmup_steps=STEPS // 10),
        "patient-median": lambda: p.PatientPruner(p.MedianPruner(), 3),
    }[name]()


def run(name, seed):
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=seed), pruner=pruner(name),
                                study_name="pruning-%s-%d" % (name, seed))

    def objective(trial):
        x = [trial.suggest_float("x%d" % i, 0, 1) for i in range(4)]
        final = 0.1 + sum(w * (xi - c) ** 2 for w, xi, c in zip(WEIGHT, x, CENTRE))
        trial.set_user_attr("final_score", final)
        rng = np.random.default_rng(seed * 1000003 + trial.number)
        value = None
        for t in range(STEPS):
            value = final + (1.5 - final) * math.exp(-(0.08 + 0.32 * x[0]) * t) + 0.03 * rng.standard_normal()
            trial.report(value, t)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return value

    study.optimize(objective, n_trials=TRIALS)
    steps = sum(len(t.intermediate_values) for t in study.trials)
    pruned = sum(t.state == optuna.trial.TrialState.PRUNED for t in study.trials)
    return steps, pruned, study.best_trial.user_attrs["final_score"]


def main():
    for name in sys.argv[1].split(","):
        results = [run(name, seed) for seed in range(15)]
        steps = np.array([r[0] for r in results])
        pruned = np.array([r[1] for r in results])
        final = np.array([r[2] for r in results])
        print("| %s | %d | %.1f | %.3f [%.3f, %.3f] |" % (name, steps.mean(), pruned.mean(), np.median(final),
                                                         np.percentile(final, 25), np.percentile(final, 75)),
              flush=True)


if __name__ == "__main__":
    main()
