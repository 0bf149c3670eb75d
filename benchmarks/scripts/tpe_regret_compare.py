"""Tunekit's TPE (a `quality` JSON) against Optuna 5.0's TPE (the JSON lines of
optuna5_tpe_regret.py) on one problem: median simple regret at each budget, the two-sided
Mann-Whitney U test (SciPy) on the full seed ranges and on consecutive blocks of seeds, to see
how far a 60-seed comparison moves by chance. Run with the Optuna 5.0 venv (it has SciPy):

    /work/main/.venv-optuna/bin/python benchmarks/scripts/tpe_regret_compare.py \
        bench-results/quality-tpe.json optuna5-tpe-st8.jsonl styblinski_tang8 100,200 60
"""
import json
import statistics
import sys

from scipy.stats import mannwhitneyu


def main(tunekit_json, optuna_jsonl, problem, budgets, block):
    ours = {r["seed"]: r for r in json.load(open(tunekit_json))["runs"] if r["problem"] == problem}
    theirs = {}
    for line in open(optuna_jsonl):
        r = json.loads(line)
        if r["problem"] == problem:
            theirs[r["seed"]] = r
    seeds = sorted(set(ours) & set(theirs))
    print(f"{problem}: {len(seeds)} seeds ({seeds[0]}-{seeds[-1]}) with both samplers\n")
    for budget in budgets:
        a = {s: ours[s]["best_curve"][budget - 1] - ours[s]["optimum"] for s in seeds}
        b = {s: theirs[s]["regret"][budget - 1] for s in seeds}
        p = mannwhitneyu([a[s] for s in seeds], [b[s] for s in seeds], alternative="two-sided").pvalue
        print(f"budget {budget}: all seeds: Tunekit median {statistics.median(a.values()):.4g}, "
              f"Optuna 5.0 median {statistics.median(b.values()):.4g}, Mann-Whitney p = {p:.3f}")
        print(f"| seeds | Tunekit median | Optuna 5.0 median | Mann-Whitney p |")
        print("|---|---|---|---|")
        for i in range(0, len(seeds) - block + 1, block):
            part = seeds[i:i + block]
            x, y = [a[s] for s in part], [b[s] for s in part]
            p = mannwhitneyu(x, y, alternative="two-sided").pvalue
            print(f"| {part[0]}-{part[-1]} | {statistics.median(x):.4g} | {statistics.median(y):.4g} | {p:.3f} |")
        print()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], [int(b) for b in sys.argv[4].split(",")], int(sys.argv[5]))
