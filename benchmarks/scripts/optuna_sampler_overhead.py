"""Per-trial cost of Optuna's CmaEsSampler and QMCSampler at 1,000 trials (PROTOCOL.md section 3:
trivial objective, in-memory storage, seed 0, logging off), to set beside Tunekit's `overhead`
suite run in the same session:

    .venv-optuna/bin/python benchmarks/scripts/optuna_sampler_overhead.py [reps]
    java -jar benchmarks/target/tunekit-benchmarks.jar overhead --space FLOATS10 --config cmaes
    java -jar benchmarks/target/tunekit-benchmarks.jar overhead --space MIXED10 --config qmc

Optuna 5.0's CmaEsSampler needs the `cmaes` package (>= 0.10, for its `lr_adapt` argument); the
offline index here has none, so when `import cmaes` fails this script copies Debian's
python3-cmaes 0.9.1 (/usr/lib/python3/dist-packages/cmaes) to a temporary directory, lets its
CMA accept `lr_adapt=False`, and puts it on the path. Each repetition runs in a fresh process.
Prints one JSON line per configuration: median total seconds, ms per trial overall and over
trials 900-999, median CPU seconds of the process, and every repetition's total.
"""
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def cmaes_path():
    try:
        import cmaes  # noqa: F401
        return None
    except ImportError:
        pass
    target = tempfile.mkdtemp(prefix="cmaes091-")
    shutil.copytree("/usr/lib/python3/dist-packages/cmaes", os.path.join(target, "cmaes"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    path = os.path.join(target, "cmaes", "_cma.py")
    source = open(path).read()
    old = "        cov: Optional[np.ndarray] = None,\n    ):\n"
    assert old in source, "unexpected cmaes source"
    source = source.replace(old, "        cov: Optional[np.ndarray] = None,\n        lr_adapt: bool = False,\n    ):\n"
                                 "        assert not lr_adapt, 'lr_adapt needs cmaes >= 0.10'\n", 1)
    open(path, "w").write(source)
    return target


def six_floats(t):
    f0 = t.suggest_float("f0", 1e-5, 1, log=True)
    f1 = t.suggest_float("f1", 0, 1)
    f2 = t.suggest_float("f2", -10, 10)
    f3 = t.suggest_float("f3", 0, 100)
    f4 = t.suggest_float("f4", -1, 1)
    f5 = t.suggest_float("f5", 0, 1)
    return (math.log10(f0) + 3) ** 2 + (f1 - 0.3) ** 2 + (f2 / 10) ** 2 + (f3 / 100 - 0.5) ** 2 + f4 ** 2 + f5


def floats10(t):
    base = six_floats(t)
    f6 = t.suggest_float("f6", 1, 10)
    f7 = t.suggest_float("f7", 0, 100)
    f8 = t.suggest_float("f8", 0, 3)
    f9 = t.suggest_float("f9", 0, 5)
    return base + (f6 - 3) ** 2 / 81 + f7 / 100 + f8 + 0.1 * f9


def mixed10(t):
    base = six_floats(t)
    i0 = t.suggest_int("i0", 1, 10)
    i1 = t.suggest_int("i1", 0, 100)
    c0 = t.suggest_categorical("c0", ["a", "b", "c"])
    c1 = t.suggest_categorical("c1", ["v0", "v1", "v2", "v3", "v4"])
    return base + (i0 - 3) ** 2 / 81 + i1 / 100 + "abc".index(c0) + 0.1 * int(c1[1])


def one(config):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    import warnings
    warnings.simplefilter("ignore")
    if config == "cmaes":
        sampler, objective = optuna.samplers.CmaEsSampler(seed=0), floats10
    else:
        sampler, objective = optuna.samplers.QMCSampler(qmc_type="sobol", scramble=True, seed=1), mixed10
    study = optuna.create_study(sampler=sampler)
    ends = []
    start = time.perf_counter()
    cpu = time.process_time()
    study.optimize(objective, n_trials=1000, callbacks=[lambda s, t: ends.append(time.perf_counter())])
    total = time.perf_counter() - start
    last = (ends[999] - ends[899]) / 100 * 1000
    return {"config": config, "optuna": optuna.__version__, "total_s": total, "cpu_s": time.process_time() - cpu,
            "ms_per_trial_900_999": last}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2])))
        return
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    env = dict(os.environ)
    extra = cmaes_path()
    if extra:
        env["PYTHONPATH"] = extra + os.pathsep + env.get("PYTHONPATH", "")
    for config in ("cmaes", "qmc"):
        runs = [json.loads(subprocess.check_output([sys.executable, __file__, "--one", config], env=env))
                for _ in range(reps)]
        totals = [r["total_s"] for r in runs]
        print(json.dumps({"config": config, "optuna": runs[0]["optuna"], "median_total_s": statistics.median(totals),
                          "ms_per_trial": statistics.median(totals),
                          "ms_per_trial_900_999": statistics.median(r["ms_per_trial_900_999"] for r in runs),
                          "median_cpu_s": statistics.median(r["cpu_s"] for r in runs),
                          "totals": [round(x, 3) for x in totals]}), flush=True)


if __name__ == "__main__":
    main()
