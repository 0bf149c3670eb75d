"""Prints Optuna's parameter importances of a study, one line per parameter: "<seed> <name> <value>".

usage: optuna_importance.py SQLITE_URL STUDY EVALUATOR SEEDS [--params a,b] [--target negated|value0]
                            [--raw]
EVALUATOR is ped-anova, fanova or mdi; SEEDS a comma-separated list (ignored by ped-anova).
"""
import argparse
import warnings

import optuna
from optuna.importance import (
    FanovaImportanceEvaluator,
    MeanDecreaseImpurityImportanceEvaluator,
    PedAnovaImportanceEvaluator,
    get_param_importances,
)

warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

parser = argparse.ArgumentParser()
parser.add_argument("url")
parser.add_argument("study")
parser.add_argument("evaluator")
parser.add_argument("seeds")
parser.add_argument("--params")
parser.add_argument("--target")
parser.add_argument("--raw", action="store_true")
args = parser.parse_args()

study = optuna.load_study(study_name=args.study, storage=args.url)
targets = {None: None, "negated": lambda t: -t.value, "value0": lambda t: t.values[0]}
params = args.params.split(",") if args.params else None
for seed in [int(s) for s in args.seeds.split(",")]:
    if args.evaluator == "ped-anova":
        evaluator = PedAnovaImportanceEvaluator()
    elif args.evaluator == "fanova":
        evaluator = FanovaImportanceEvaluator(seed=seed)
    else:
        evaluator = MeanDecreaseImpurityImportanceEvaluator(seed=seed)
    result = get_param_importances(
        study, evaluator=evaluator, params=params, target=targets[args.target], normalize=not args.raw
    )
    for name, value in result.items():
        print(seed, name, repr(float(value)))
