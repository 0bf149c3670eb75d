"""Times Optuna's get_param_importances on a study copied into memory.

usage: optuna_importance_speed.py SQLITE_URL STUDY EVALUATOR REPEATS [N_TREES]
Prints one line per repetition: "<evaluator> <seconds>". The study is read once and copied into an
in-memory storage first, so that only the importance computation is timed, as on the Java side.
"""
import sys
import time
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

url, name, evaluator_name, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
n_trees = int(sys.argv[5]) if len(sys.argv) > 5 else 64
loaded = optuna.load_study(study_name=name, storage=url)
study = optuna.create_study(directions=loaded.directions)
study.add_trials(loaded.get_trials())
for _ in range(repeats):
    if evaluator_name == "ped-anova":
        evaluator = PedAnovaImportanceEvaluator()
    elif evaluator_name == "fanova":
        evaluator = FanovaImportanceEvaluator(n_trees=n_trees, seed=0)
    else:
        evaluator = MeanDecreaseImpurityImportanceEvaluator(n_trees=n_trees, seed=0)
    start = time.perf_counter()
    get_param_importances(study, evaluator=evaluator)
    print(evaluator_name, time.perf_counter() - start, flush=True)
