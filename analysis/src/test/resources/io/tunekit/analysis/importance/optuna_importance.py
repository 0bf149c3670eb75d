"""Prints Optuna's parameter importances for jobs read from stdin, one job a line:

    TAG STUDY EVALUATOR SEEDS [--params a,b] [--target negated] [--raw]

EVALUATOR is ped-anova, fanova or mdi; SEEDS a comma-separated list (ped-anova ignores it).
Output, one line per parameter: "TAG SEED NAME VALUE". usage: optuna_importance.py SQLITE_URL
"""
import argparse
import shlex
import sys
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
parser.add_argument("tag")
parser.add_argument("study")
parser.add_argument("evaluator")
parser.add_argument("seeds")
parser.add_argument("--params")
parser.add_argument("--target")
parser.add_argument("--raw", action="store_true")

url = sys.argv[1]
targets = {None: None, "negated": lambda t: -t.value}
for line in sys.stdin:
    if not line.strip():
        continue
    args = parser.parse_args(shlex.split(line))
    study = optuna.load_study(study_name=args.study, storage=url)
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
            print(args.tag, seed, name, repr(float(value)), flush=True)
