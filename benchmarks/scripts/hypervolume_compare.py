"""Tunekit against Optuna 5.0 in one or more JSON files of the `hypervolume` command: for each
problem, sampler and checkpoint, the median hypervolume of each over the seeds both have, the
quartiles, and the two-sided Mann-Whitney U test (SciPy), over all those seeds and over
consecutive blocks of them, to see how far a block's medians move by chance. Files are pooled
(a seed found twice keeps its first value). Run with the Optuna 5.0 venv (it has SciPy):

    /work/main/.venv-optuna/bin/python benchmarks/scripts/hypervolume_compare.py 20 \
        hv-zdt2-a.json hv-zdt2-b.json
"""
import json
import statistics
import sys

from scipy.stats import mannwhitneyu


def quartiles(xs):
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return f"{statistics.median(xs):.4g} [{q[0]:.4g} .. {q[2]:.4g}]"


def main(block, paths):
    # (framework, problem, sampler, checkpoint) -> seed -> hypervolume
    hv = {}
    for path in paths:
        for r in json.load(open(path))["runs"]:
            framework = "optuna" if r["framework"].startswith("optuna") else r["framework"]
            for checkpoint, value in r["hypervolume"].items():
                hv.setdefault((framework, r["problem"], r["sampler"], int(checkpoint)), {}).setdefault(r["seed"], value)
    print("| problem | sampler | trials | seeds | Optuna 5.0 median [25% .. 75%] | Tunekit median [25% .. 75%] "
          "| Mann-Whitney p |")
    print("|---|---|---|---|---|---|---|")
    blocks = []
    for (framework, problem, sampler, checkpoint), ours in sorted(hv.items()):
        if framework != "tunekit" or ("optuna", problem, sampler, checkpoint) not in hv:
            continue
        theirs = hv[("optuna", problem, sampler, checkpoint)]
        seeds = sorted(set(ours) & set(theirs))
        if len(seeds) < 2:
            continue
        a, b = [ours[s] for s in seeds], [theirs[s] for s in seeds]
        p = mannwhitneyu(a, b, alternative="two-sided").pvalue
        print(f"| {problem} | {sampler} | {checkpoint} | {seeds[0]}-{seeds[-1]} ({len(seeds)}) | {quartiles(b)} "
              f"| {quartiles(a)} | {p:.3f} |")
        for i in range(0, len(seeds) - block + 1, block):
            part = seeds[i:i + block]
            x, y = [ours[s] for s in part], [theirs[s] for s in part]
            blocks.append(f"| {problem} | {sampler} | {checkpoint} | {part[0]}-{part[-1]} "
                          f"| {statistics.median(y):.4g} | {statistics.median(x):.4g} "
                          f"| {mannwhitneyu(x, y, alternative='two-sided').pvalue:.3f} |")
    if blocks:
        print(f"\nBlocks of {block} seeds:\n")
        print("| problem | sampler | trials | seeds | Optuna 5.0 median | Tunekit median | Mann-Whitney p |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(blocks))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
