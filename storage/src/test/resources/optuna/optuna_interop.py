"""Optuna's side of Tunekit's interoperability tests (run with Debian's python3-optuna).

usage: optuna_interop.py write DB OUT   -- Optuna creates and runs studies in DB, then dumps them
       optuna_interop.py dump DB OUT    -- Optuna reads every study in DB and dumps it
The dump is JSON: {study name: {directions, user_attrs, system_attrs, trials: [...]}}, each trial
with its params (external values), distributions (Optuna's distribution JSON text), values,
intermediate values, attributes and datetimes, exactly as Optuna sees them.
"""
import sys
import warnings

import optuna

from optuna_worker import dump

warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def write(storage):
    study = optuna.create_study(storage=storage, study_name="from-optuna", direction="maximize",
                                sampler=optuna.samplers.RandomSampler(seed=1))
    study.set_user_attr("owner", {"name": "zo\u00eb", "tags": ["a", "b"], "ratio": 0.1, "big": 2 ** 40})
    study.set_system_attr("custom", [1, 2.5, None, float("inf")])

    def objective(t):
        x = t.suggest_float("x", -5, 5)
        t.suggest_float("lr", 1e-5, 1e-1, log=True)
        t.suggest_float("q", 0, 1, step=0.25)
        n = t.suggest_int("n", 1, 9, step=2)
        t.suggest_int("u", 8, 1024, log=True)
        t.suggest_categorical("c", ["relu", None, 2.5, True, 3])
        t.set_user_attr("note", {"nan": float("nan"), "inf": float("-inf"), "text": "h\u00e9llo\n\"q\" \u2603"})
        for step in range(3):
            t.report(float("nan") if step == 1 else x * step, step)
        if t.number == 3:
            raise optuna.TrialPruned()
        if t.number == 4:
            raise RuntimeError("boom")
        return float("inf") if t.number == 5 else x + n

    study.optimize(objective, n_trials=8, catch=(RuntimeError,))
    study.enqueue_trial({"x": 1.5, "n": 3})

    multi = optuna.create_study(storage=storage, study_name="multi", directions=["minimize", "maximize"],
                                sampler=optuna.samplers.RandomSampler(seed=2))
    multi.optimize(lambda t: (t.suggest_float("a", 0, 1), t.suggest_int("b", 0, 3)), n_trials=3)


if __name__ == "__main__":
    mode, db, out = sys.argv[1:4]
    url = "sqlite:///" + db
    if mode == "write":
        write(url)
    dump(optuna.storages.RDBStorage(url), out)
