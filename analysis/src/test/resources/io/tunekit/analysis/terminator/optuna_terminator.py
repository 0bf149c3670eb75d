"""Prints Optuna 5.0's terminator evaluations of a study after each prefix of its trials.

usage: optuna_terminator.py SQLITE_URL STUDY FIRST SEEDS
One line per prefix length n >= FIRST: "n stagnation cv_error regret_seed_a regret_seed_b ...",
where stagnation is BestValueStagnationEvaluator's value, cv_error CrossValidationErrorEvaluator's
and regret_* RegretBoundEvaluator's with each seed (comma-separated SEEDS; "-" for none).
"""
import sys
import warnings

import optuna
from optuna.terminator import BestValueStagnationEvaluator
from optuna.terminator import CrossValidationErrorEvaluator
from optuna.terminator import RegretBoundEvaluator

warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

url, name, first, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
study = optuna.load_study(study_name=name, storage=url)
trials = study.get_trials()
seeds = [] if seeds == "-" else [int(s) for s in seeds.split(",")]
for n in range(first, len(trials) + 1):
    prefix = trials[:n]
    stagnation = BestValueStagnationEvaluator().evaluate(prefix, study.direction)
    error = CrossValidationErrorEvaluator().evaluate(prefix, study.direction)
    regrets = [RegretBoundEvaluator(seed=s).evaluate(prefix, study.direction) for s in seeds]
    print(n, repr(float(stagnation)), repr(float(error)), " ".join(repr(float(r)) for r in regrets), flush=True)
