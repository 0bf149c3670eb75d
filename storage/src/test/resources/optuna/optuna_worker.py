"""An Optuna worker for Tunekit's mixed-fleet tests (Optuna 5.0, or Debian's 3.1 where noted).

usage: optuna_worker.py MODE URL STUDY DIR INDEX [key=value ...]

Like Tunekit's StorageWorker, it writes DIR/ready-INDEX, waits for DIR/go, then works on the
study STUDY of the SQLAlchemy URL:
  open   -- opens the storage and creates or loads the study (schema creation races; 3.1 too)
  fleet  -- TPE (seed INDEX) on f = x^2 + y^2, trials=N trials
  hang   -- heartbeats (1 s, grace 2 s); prints "RUNNING <number>" inside its first trial and
            sleeps until killed
  retry  -- heartbeats (1 s, grace 2 s) with RetryFailedTrialCallback; trials=N trials of
            sleep=S seconds each
  dump   -- writes every study as Optuna sees it to DIR/dump-INDEX.json (no waiting)
"""
import json
import os
import sys
import time
import warnings

import optuna
from optuna.distributions import distribution_to_json
from optuna.storages import RetryFailedTrialCallback

warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def objective(sleep):
    def f(trial):
        x = trial.suggest_float("x", -10, 10)
        y = trial.suggest_float("y", -10, 10)
        if sleep:
            time.sleep(sleep)
        return x * x + y * y
    return f


def open_storage(url, **kwargs):
    """RDBStorage(url), tried again if creating the schema met another process doing the same.

    Optuna checks for each table (and PostgreSQL enum type) and then creates it, without a lock,
    and stamps the revision the same way: two Optuna processes opening a fresh database at once
    fail each other now and then (measured without any Tunekit process: 6 of 12 processes on
    PostgreSQL, 3 of 18 on SQLite). That race is Optuna's own; the fleets here start on fresh
    databases, so the Optuna side opens its storage as a careful user would, once more.
    """
    import sqlalchemy.exc
    for attempt in range(3):
        try:
            return optuna.storages.RDBStorage(url, **kwargs)
        except (sqlalchemy.exc.IntegrityError, sqlalchemy.exc.ProgrammingError,
                sqlalchemy.exc.OperationalError) as e:
            if attempt == 2 or not any(w in str(e) for w in ("already exists", "UNIQUE", "duplicate key")):
                raise
            print("schema creation met another process; opening again", flush=True)
            time.sleep(0.5)


def dump(storage, out):
    result = {}
    for summary in optuna.get_all_study_summaries(storage, include_best_trial=False):
        study = optuna.load_study(study_name=summary.study_name, storage=storage)
        trials = []
        for t in study.get_trials(deepcopy=False):
            trials.append({
                "number": t.number,
                "state": t.state.name,
                "values": t.values,
                "params": t.params,
                "distributions": {k: distribution_to_json(d) for k, d in t.distributions.items()},
                "intermediate_values": {str(k): v for k, v in t.intermediate_values.items()},
                "user_attrs": t.user_attrs,
                "system_attrs": t.system_attrs,
                "datetime_start": t.datetime_start.isoformat() if t.datetime_start else None,
                "datetime_complete": t.datetime_complete.isoformat() if t.datetime_complete else None,
                "retried_trial_number": RetryFailedTrialCallback.retried_trial_number(t),
                "retry_history": RetryFailedTrialCallback.retry_history(t),
            })
        result[summary.study_name] = {
            "directions": [d.name for d in study.directions],
            "user_attrs": study.user_attrs,
            "system_attrs": storage.get_study_system_attrs(study._study_id),
            "trials": trials,
        }
        if len(study.directions) == 1 and any(t.state.name == "COMPLETE" for t in study.trials):
            result[summary.study_name]["best_number"] = study.best_trial.number
    with open(out, "w") as f:
        json.dump(result, f)


def main():
    mode, url, name, directory, index = sys.argv[1:6]
    options = dict(a.split("=", 1) for a in sys.argv[6:])
    if mode == "dump":
        dump(optuna.storages.RDBStorage(url), os.path.join(directory, "dump-%s.json" % index))
        return
    with open(os.path.join(directory, "ready-" + index), "w") as f:
        f.write("ready")
    while not os.path.exists(os.path.join(directory, "go")):
        time.sleep(0.002)
    trials = int(options.get("trials", "1"))
    if mode == "open":  # schema creation races: Optuna exactly as it is
        optuna.create_study(storage=optuna.storages.RDBStorage(url), study_name=name, load_if_exists=True)
        return
    if mode in ("hang", "retry"):
        storage = open_storage(
            url, heartbeat_interval=1, grace_period=2,
            failed_trial_callback=RetryFailedTrialCallback() if mode == "retry" else None)
    else:
        storage = open_storage(url)
    sampler = optuna.samplers.TPESampler(seed=int(index)) if mode == "fleet" else optuna.samplers.RandomSampler(
        seed=int(index))
    study = optuna.create_study(storage=storage, study_name=name, load_if_exists=True, sampler=sampler)
    if mode == "hang":
        def hang(trial):
            trial.suggest_float("x", -10, 10)
            trial.suggest_float("y", -10, 10)
            print("RUNNING %d" % trial.number, flush=True)
            time.sleep(3600)
        study.optimize(hang, n_trials=1)
    else:
        study.optimize(objective(float(options.get("sleep", "0"))), n_trials=trials)


if __name__ == "__main__":
    main()
