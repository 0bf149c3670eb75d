"""Joins the `runs` of several quality JSON files (Tunekit's `quality` suite, optuna_quality_runs.py)
into one file for paired_regret.py:

    python3 benchmarks/scripts/merge_quality_runs.py merged.json quality-cmaes.json optuna-cmaes.json
"""
import json
import sys

runs = []
for path in sys.argv[2:]:
    runs.extend(json.load(open(path))["runs"])
json.dump({"runs": runs}, open(sys.argv[1], "w"))
