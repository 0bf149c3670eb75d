"""Paired comparison of two samplers in a `quality` JSON file: for each problem and budget, the
median simple regret of each, the seeds where the first is lower, and a 95% bootstrap interval of
the difference of the medians (first - second; 10,000 resamples of the seeds, fixed RNG seed).
Standard library only:

    python3 benchmarks/scripts/paired_regret.py bench-results/quality-gp.json gp tpe 50,100
"""
import json
import random
import statistics
import sys


def regrets(runs, sampler, problem, budget):
    out = {}
    for r in runs:
        if r["sampler"] == sampler and r["problem"] == problem:
            out[r["seed"]] = r["best_curve"][budget - 1] - r["optimum"]
    return out


def main(path, first, second, budgets):
    runs = json.load(open(path))["runs"]
    problems = list(dict.fromkeys(r["problem"] for r in runs))
    rng = random.Random(0)
    print(f"| problem | budget | {first} median | {second} median | seeds where {first} is lower "
          f"| 95% bootstrap CI of the median difference |")
    print("|---|---|---|---|---|---|")
    for problem in problems:
        for budget in budgets:
            a = regrets(runs, first, problem, budget)
            b = regrets(runs, second, problem, budget)
            seeds = sorted(set(a) & set(b))
            if not seeds:
                continue
            diffs = []
            for _ in range(10000):
                sample = [rng.choice(seeds) for _ in seeds]
                diffs.append(statistics.median(a[s] for s in sample) - statistics.median(b[s] for s in sample))
            diffs.sort()
            lower = sum(a[s] < b[s] for s in seeds)
            print(f"| {problem} | {budget} | {statistics.median(a[s] for s in seeds):.3g} "
                  f"| {statistics.median(b[s] for s in seeds):.3g} | {lower}/{len(seeds)} "
                  f"| [{diffs[249]:.3g}, {diffs[9749]:.3g}] |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], [int(b) for b in sys.argv[4].split(",")])
