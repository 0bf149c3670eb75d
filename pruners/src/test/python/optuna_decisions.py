"""Computes the expected decisions of the table-driven pruner tests with Python Optuna.

Run with Debian's Optuna 3.1.0 (apt-get install python3-optuna; /usr/bin/python3):

    /usr/bin/python3 pruners/src/test/python/optuna_decisions.py

It prints, for every case, the CSV row (and the comments between cases) pasted into the Java test of the same pruner, with the
decision Optuna takes (and, for successive halving, the rung attributes it writes on the
current trial). The pruners' rules are unchanged from Optuna 3.1 to 5.0 (docs/semantics.md
§9); WilcoxonPruner is newer than 3.1 and is checked against SciPy separately.

A case is "options ; direction ; other trials ; current trial":
  other trials  trials separated by '|'; each is an optional state letter (C complete, P pruned,
                R running; default C), an optional '=value' (default: the last reported value, or
                1.0 without reports),
                'step:value' reports and 'rK:value' completed_rung_K system attributes
  current       'step:value' reports (in this order) and 'rK:value' attributes set before
"""
import math
import sys
import warnings

import optuna
from optuna.trial import TrialState

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.simplefilter("ignore")

STATES = {"C": TrialState.COMPLETE, "P": TrialState.PRUNED, "R": TrialState.RUNNING}


def num(text):
    return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}.get(text, None) or (
        0.0 if text in ("0", "0.0") else float(text))


def parse_trial(text):
    state, value, reports, rungs = TrialState.COMPLETE, None, [], {}
    for token in text.split():
        if token in STATES:
            state = STATES[token]
        elif token.startswith("="):
            value = num(token[1:])
        elif token.startswith("r"):
            k, v = token[1:].split(":")
            rungs["completed_rung_" + k] = num(v)
        else:
            s, v = token.split(":")
            reports.append((int(s), num(v)))
    return state, value, reports, rungs


def options(text):
    out = {}
    for token in text.split():
        k, v = token.split("=")
        out[k] = v
    return out


def decide(make_pruner, case):
    opts, direction, others, current = [f.strip() for f in case.split(";")]
    study = optuna.create_study(direction={"min": "minimize", "max": "maximize"}[direction],
                                pruner=make_pruner(options(opts)), study_name="fixture")
    for text in filter(None, [t.strip() for t in others.split("|")]):
        state, value, reports, rungs = parse_trial(text)
        if state == TrialState.COMPLETE and value is None:
            value = reports[-1][1] if reports else 1.0
        study.add_trial(optuna.trial.create_trial(
            state=state, value=value if state == TrialState.COMPLETE else None,
            intermediate_values=dict(reports), system_attrs=rungs))
    _, _, reports, rungs = parse_trial(current)
    trial = study.ask()
    for k, v in rungs.items():
        study._storage.set_trial_system_attr(trial._trial_id, k, v)
    for s, v in reports:
        trial.report(v, s)
    pruned = trial.should_prune()
    attrs = study._storage.get_trial(trial._trial_id).system_attrs
    written = " ".join("r%s:%r" % (k[len("completed_rung_"):], v) for k, v in sorted(attrs.items())
                       if k.startswith("completed_rung_") and k not in rungs)
    return pruned, written


def ints(o, *names):
    return {n: int(o[n]) for n in names if n in o}


PERCENTILE_NAMES = {"startupTrials": "n_startup_trials", "warmupSteps": "n_warmup_steps",
                    "intervalSteps": "interval_steps", "minTrials": "n_min_trials"}


def percentile(o):
    kwargs = {PERCENTILE_NAMES[k]: int(v) for k, v in o.items() if k in PERCENTILE_NAMES}
    return optuna.pruners.PercentilePruner(float(o.get("percentile", 50)), **kwargs)


def successive_halving(o):
    names = {"minResource": "min_resource", "reductionFactor": "reduction_factor",
             "minEarlyStoppingRate": "min_early_stopping_rate", "bootstrapCount": "bootstrap_count"}
    return optuna.pruners.SuccessiveHalvingPruner(**{names[k]: int(v) for k, v in o.items()})


def threshold(o):
    kwargs = {k: float(o[k]) for k in ("lower", "upper") if k in o}
    kwargs.update({PERCENTILE_NAMES[k]: int(v) for k, v in o.items() if k in PERCENTILE_NAMES})
    return optuna.pruners.ThresholdPruner(**kwargs)


def patient(o):
    wrapped = None
    if o.get("wrapped") == "median":
        wrapped = optuna.pruners.MedianPruner(n_startup_trials=0)
    return optuna.pruners.PatientPruner(wrapped, int(o["patience"]), float(o.get("minDelta", 0.0)))


CASES = {
    "percentile": (percentile, [
        "# startup trials and no data",
        "startupTrials=0 ; min ; ; 0:5",
        "startupTrials=0 ; min ; 0:1 ; ",
        "startupTrials=3 ; min ; 0:1 | 0:2 ; 0:9",
        "startupTrials=3 ; min ; 0:1 | 0:2 | 0:3 ; 0:9",
        "startupTrials=2 ; min ; 0:1 | P 0:2 | P 0:3 ; 0:9",
        "startupTrials=0 ; min ; P 0:1 | R 0:1 ; 0:9",
        "# the median, minimise and maximise, ties kept",
        "startupTrials=0 ; min ; 0:1 | 0:2 | 0:3 ; 0:2.5",
        "startupTrials=0 ; min ; 0:1 | 0:2 | 0:3 ; 0:2",
        "startupTrials=0 ; min ; 0:1 | 0:2 | 0:3 | 0:4 ; 0:2.5",
        "startupTrials=0 ; min ; 0:1 | 0:2 | 0:3 | 0:4 ; 0:2.6",
        "startupTrials=0 ; max ; 0:1 | 0:2 | 0:3 ; 0:1.5",
        "startupTrials=0 ; max ; 0:1 | 0:2 | 0:3 ; 0:2",
        "# other percentiles, interpolated; 0 and 100",
        "percentile=25 startupTrials=0 ; min ; 0:1 | 0:2 | 0:3 ; 0:1.5",
        "percentile=25 startupTrials=0 ; min ; 0:1 | 0:2 | 0:3 ; 0:1.6",
        "percentile=25 startupTrials=0 ; max ; 0:1 | 0:2 | 0:3 ; 0:2.5",
        "percentile=25 startupTrials=0 ; max ; 0:1 | 0:2 | 0:3 ; 0:2.4",
        "percentile=10 startupTrials=0 ; min ; 0:-0.2 | 0:-0.18 | 0:0.3 | 0:0.9 | 0:1.1 ; 0:-0.18",
        "# a tie NumPy's rounding decides (Commons Math's R_7 median is 0.30000000000000004)",
        "startupTrials=0 ; max ; 0:0.44 | 0:0.03 | 0:0.16 | 0:0.92 ; 0:0.3",
        "percentile=0 startupTrials=0 ; min ; 0:1 | 0:2 ; 0:1",
        "percentile=0 startupTrials=0 ; min ; 0:1 | 0:2 ; 0:1.01",
        "percentile=100 startupTrials=0 ; min ; 0:1 | 0:2 ; 0:2",
        "percentile=100 startupTrials=0 ; max ; 0:1 | 0:2 ; 0:0.99",
        "percentile=100 startupTrials=0 ; min ; 0:1 | 0:inf ; 0:5",
        "# the trial's best over all steps, the others' values at exactly its last step",
        "startupTrials=0 ; min ; 0:9 1:2 | 0:9 1:3 ; 0:1 1:5",
        "startupTrials=0 ; min ; 0:0 1:2 | 0:0 1:3 ; 0:3 1:5",
        "startupTrials=0 ; max ; 0:0 1:2 | 0:0 1:3 ; 0:3 1:1",
        "startupTrials=0 ; min ; 0:1 | 0:1 ; 0:5 1:5",
        "startupTrials=0 ; min ; 0:1 2:1 | 0:1 ; 0:5 1:5 2:5",
        "# warm-up",
        "startupTrials=0 warmupSteps=2 ; min ; 0:1 1:1 2:1 ; 0:9 1:9",
        "startupTrials=0 warmupSteps=2 ; min ; 0:1 1:1 2:1 ; 0:9 1:9 2:9",
        "startupTrials=0 warmupSteps=2 ; min ; 0:1 1:1 2:1 ; 1:9",
        "# interval windows: only the first report of each window is checked",
        "startupTrials=0 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 0:9 1:9 2:9 3:9",
        "startupTrials=0 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 0:9 1:9 2:9 3:9 4:9",
        "startupTrials=0 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 0:9 1:9 2:9",
        "startupTrials=0 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 0:9 4:9",
        "startupTrials=0 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 0:9 4:9 5:9",
        "startupTrials=0 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 0:9",
        "startupTrials=0 warmupSteps=2 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 0:9 1:9 2:9",
        "startupTrials=0 warmupSteps=2 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 2:9 3:9",
        "startupTrials=0 warmupSteps=2 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 2:9 3:9 4:9 5:9",
        "startupTrials=0 warmupSteps=2 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 2:9 3:9 4:9 5:9 6:9",
        "startupTrials=0 warmupSteps=2 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 1:9 6:9",
        "startupTrials=0 intervalSteps=3 ; min ; 0:1 1:1 2:1 3:1 4:1 5:1 6:1 ; 5:9 3:9",
        "# NaN reports",
        "startupTrials=0 ; min ; 0:1 ; 0:nan",
        "startupTrials=0 ; max ; 0:1 ; 0:nan 1:nan",
        "startupTrials=0 ; min ; 0:1 1:1 ; 0:0.5 1:nan",
        "startupTrials=0 ; min ; 0:1 1:1 ; 0:nan 1:2",
        "startupTrials=0 ; min ; =1 0:nan | =1 0:nan ; 0:5",
        "startupTrials=0 ; min ; =1 0:nan | 0:1 | 0:3 ; 0:2.5",
        "startupTrials=0 ; min ; =1 0:nan | 0:1 | 0:3 ; 0:2",
        "startupTrials=0 ; min ; 0:1 ; 0:inf",
        "startupTrials=0 ; min ; 0:1 ; 0:-inf",
        "# the minimum number of trials reporting at the step",
        "startupTrials=0 minTrials=3 ; min ; 0:1 | 0:1 ; 0:9",
        "startupTrials=0 minTrials=3 ; min ; 0:1 | 0:1 | 0:1 ; 0:9",
        "startupTrials=0 minTrials=2 ; min ; 0:1 1:1 | 0:1 ; 0:9 1:9",
        "startupTrials=0 minTrials=2 ; min ; =1 0:nan | 0:1 ; 0:9",
        "# default options: 5 startup trials",
        " ; min ; 0:1 | 0:1 | 0:1 | 0:1 ; 0:9",
        " ; min ; 0:1 | 0:1 | 0:1 | 0:1 | 0:1 ; 0:9",
    ]),
    "successiveHalving": (successive_halving, [
        "# automatic minimum resource: max(last step of COMPLETE trials // 100, 1), nothing before",
        " ; min ; ; 0:5",
        " ; min ; P 0:1 1:1 ; 0:5 1:5",
        " ; min ; 0:1 250:1 ; 0:5 1:5",
        " ; min ; 0:1 250:1 ; 0:5 1:5 2:5",
        " ; min ; 0:1 50:1 ; 0:5",
        "# the first trials at a rung: promoted only if the best (idx = max(n // eta - 1, 0))",
        "minResource=1 ; min ; ; 0:5",
        "minResource=1 ; min ; ; 0:5 1:5",
        "minResource=1 reductionFactor=2 ; min ; R r0:0.1 | r0:0.9 | P r0:0.7 ; 0:0 1:0.5",
        "minResource=1 reductionFactor=2 ; min ; R r0:0.1 | r0:0.9 | P r0:0.7 ; 0:0 1:0.6",
        "minResource=1 reductionFactor=2 ; max ; R r0:0.1 | r0:0.9 | P r0:0.7 ; 0:0 1:0.7",
        "minResource=1 reductionFactor=2 ; max ; R r0:0.1 | r0:0.9 | P r0:0.7 ; 0:0 1:0.6",
        "minResource=1 reductionFactor=3 ; min ; r0:0.1 | r0:0.2 ; 1:0.15",
        "minResource=1 reductionFactor=3 ; min ; r0:0.1 | r0:0.2 ; 1:0.1",
        "minResource=1 reductionFactor=3 ; min ; r0:0.1 | r0:0.2 | r0:0.3 | r0:0.4 | r0:0.5 ; 1:0.2",
        "minResource=1 reductionFactor=3 ; min ; r0:0.1 | r0:0.2 | r0:0.3 | r0:0.4 | r0:0.5 ; 1:0.25",
        "# the latest value counts, not the best; steps below the rung are not judged",
        "minResource=2 reductionFactor=2 ; min ; r0:0.3 ; 0:0.1 1:0.1",
        "minResource=2 reductionFactor=2 ; min ; r0:0.3 ; 0:0.1 1:0.1 2:0.5",
        "minResource=2 reductionFactor=2 ; min ; r0:0.3 ; 0:0.9 1:0.9 2:0.2",
        "# several rungs in one call",
        "minResource=1 reductionFactor=2 ; min ; ; 4:0.1",
        "minResource=1 reductionFactor=2 ; min ; r0:0.5 r1:0.5 | r0:0.6 r1:0.6 r2:0.6 ; 7:0.55",
        "minResource=1 reductionFactor=2 ; min ; r0:0.5 r1:0.5 | r0:0.6 r1:0.6 r2:0.4 ; 7:0.55",
        "minResource=1 reductionFactor=2 ; min ; r0:0.9 r1:0.9 r2:0.1 | r0:0.8 r1:0.8 r2:0.2 ; 7:0.5",
        "minResource=1 reductionFactor=2 ; min ; r0:0.9 | r0:0.8 | r0:0.7 ; 9:0.1",
        "# rungs the trial already passed are not judged again",
        "minResource=1 reductionFactor=2 ; min ; r0:0.1 | r1:0.9 ; r0:0.5 1:0.5",
        "minResource=1 reductionFactor=2 ; min ; r0:0.1 | r1:0.1 ; r0:0.5 1:0.5",
        "minResource=1 reductionFactor=2 ; min ; r1:0.1 | r1:0.2 ; r1:0.5 1:0.5",
        "# minimum early-stopping rate: the first rung at minResource * eta^rate",
        "minResource=1 reductionFactor=3 minEarlyStoppingRate=1 ; min ; r0:0.1 ; 0:0.9 1:0.9 2:0.9",
        "minResource=1 reductionFactor=3 minEarlyStoppingRate=1 ; min ; r0:0.1 ; 3:0.9",
        "minResource=1 reductionFactor=3 minEarlyStoppingRate=1 ; min ; r0:0.1 ; 3:0.05",
        "# NaN at a rung is pruned, below a rung it is not judged",
        "minResource=2 ; min ; ; 0:nan 1:nan",
        "minResource=2 ; min ; ; 0:0.1 1:0.1 2:nan",
        "minResource=1 ; max ; r0:0.1 ; 0:0.5 1:nan",
        "# bootstrap count: a rung with at most that many values prunes every trial reaching it",
        "minResource=1 bootstrapCount=2 ; min ; ; 1:0.1",
        "minResource=1 bootstrapCount=2 ; min ; r0:0.5 ; 1:0.1",
        "minResource=1 bootstrapCount=2 ; min ; r0:0.5 | r0:0.6 ; 1:0.1",
        "minResource=1 bootstrapCount=2 ; min ; r0:0.05 | r0:0.06 ; 1:0.1",
        "minResource=1 reductionFactor=2 bootstrapCount=1 ; min ; r0:0.5 r1:0.5 ; 3:0.1",
        "# infinities are values like any other",
        "minResource=1 reductionFactor=2 ; min ; r0:inf ; 1:1e300",
        "minResource=1 reductionFactor=2 ; max ; r0:inf ; 1:1e300",
    ]),
    "threshold": (threshold, [
        "lower=0 ; min ; ; ",
        "lower=0 ; min ; ; 0:-0.1",
        "lower=0 ; max ; ; 0:0",
        "upper=1 ; min ; ; 0:1",
        "upper=1 ; max ; ; 0:1.5",
        "lower=0 upper=1 ; min ; ; 0:0.5",
        "lower=0 upper=1 ; min ; ; 0:nan",
        "lower=0 upper=1 ; min ; ; 0:inf",
        "lower=0 ; min ; ; 0:-inf",
        "upper=1 ; min ; ; 0:5 1:0.5",
        "upper=1 ; min ; ; 0:0.5 1:5",
        "upper=1 warmupSteps=2 ; min ; ; 0:5 1:5",
        "upper=1 warmupSteps=2 ; min ; ; 0:5 1:5 2:5",
        "upper=1 warmupSteps=2 ; min ; ; 0:nan 1:nan",
        "upper=1 intervalSteps=2 ; min ; ; 0:0 1:5",
        "upper=1 intervalSteps=2 ; min ; ; 0:0 1:0 2:5",
        "upper=1 intervalSteps=2 ; min ; ; 0:0 3:5",
        "upper=1 intervalSteps=2 ; min ; ; 0:0 2:0 3:5",
        "upper=1 warmupSteps=1 intervalSteps=2 ; min ; ; 0:0 1:5",
        "upper=1 warmupSteps=1 intervalSteps=2 ; min ; ; 0:0 1:0 2:5",
    ]),
    "patient": (patient, [
        "patience=0 ; min ; ; ",
        "patience=0 ; min ; ; 0:1",
        "patience=0 ; min ; ; 0:1 1:1",
        "patience=0 ; min ; ; 0:1 1:1.1",
        "patience=0 ; min ; ; 0:1 1:0.9",
        "patience=2 ; min ; ; 0:1 1:2 2:3",
        "patience=2 ; min ; ; 0:1 1:2 2:3 3:4",
        "patience=2 ; min ; ; 0:1 1:2 2:3 3:0.5",
        "patience=2 ; min ; ; 0:1 1:2 2:0.9 3:4",
        "patience=1 ; max ; ; 0:1 1:0.5 2:0.9",
        "patience=1 ; max ; ; 0:1 1:0.5 2:1.1",
        "patience=1 minDelta=0.1 ; min ; ; 0:1 1:1.05 2:1.2",
        "patience=1 minDelta=0.1 ; min ; ; 0:1 1:1.2 2:1.15",
        "patience=1 minDelta=0.1 ; min ; ; 0:1 1:0.95 2:0.96",
        "patience=1 minDelta=0.1 ; max ; ; 0:1 1:0.95 2:0.92",
        "patience=1 minDelta=0.1 ; max ; ; 0:1 1:0.85 2:0.8",
        "patience=1 ; min ; ; 0:nan 1:2 2:3",
        "patience=1 ; min ; ; 0:1 1:nan 2:nan",
        "patience=1 ; min ; ; 0:1 1:nan 2:3",
        "patience=1 ; min ; ; 5:1 1:2 9:3",
        "patience=1 ; min ; ; 1:1 9:3 5:2",
        "# a wrapped median pruner has the last word once the trial stalls",
        "patience=1 wrapped=median ; min ; 0:1 1:1 2:1 ; 0:0 1:2 2:2",
        "patience=1 wrapped=median ; min ; 0:1 1:1 2:1 ; 0:2 1:3 2:3",
        "patience=1 wrapped=median ; min ; 0:1 1:1 2:1 ; 0:2 1:3 2:1.5",
    ]),
}


def main():
    only = sys.argv[1:] or CASES.keys()
    for name in only:
        make_pruner, cases = CASES[name]
        print("==", name)
        for case in cases:
            if case.startswith("#"):
                print("        " + case)
                continue
            pruned, written = decide(make_pruner, case)
            row = "%s ; %s" % (case, "PRUNE" if pruned else "KEEP")
            if name == "successiveHalving":
                row += " ; " + written
            print("        " + " ".join(row.split()).replace(" ;", ";").replace("; ", "; "))


if __name__ == "__main__":
    main()
