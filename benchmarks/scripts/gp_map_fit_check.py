"""An independent check of GpSampler's kernel fit: the MAP loss of docs/semantics.md §4.4
written in NumPy and minimised with SciPy's L-BFGS-B (numerical gradient, then polished).

The data are those of KernelFitTest.fitReachesTheMapOptimumScipyFinds, drawn the same way (Java's
SplittableRandom, reproduced below): 60 uniform points of styblinski_tang8 scaled to [0, 1]^8, the
objective negated and standardised as the sampler does. The polished results are the values
pinned in that test. With --prior dimension-scaled the length scale prior is GpSampler's default
(log l ~ N(sqrt(2) + log(D)/2, 3), the log-normal density of each length scale l) instead of
Optuna's; those results are pinned in KernelFitTest.fitWithTheDefaultPriorReachesTheMapOptimumScipyFinds.
It also prints the maximum likelihood Yeo-Johnson exponent of the same values, which
YeoJohnsonWarpTest.theFittedLambdaIsScipys pins. Needs Debian's python3-scipy:

    /usr/bin/python3 benchmarks/scripts/gp_map_fit_check.py 1 2 3
    /usr/bin/python3 benchmarks/scripts/gp_map_fit_check.py --prior dimension-scaled 1 2 3
"""
import sys

import numpy as np
from scipy import stats
from scipy.optimize import minimize

MASK = (1 << 64) - 1


def splittable_random_doubles(seed, count):
    """java.util.SplittableRandom(seed).nextDouble(), count times (SplitMix64)."""
    state = seed & MASK
    out = []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        out.append((z >> 11) * 2.0 ** -53)
    return out


def styblinski_tang8(seed, n=60):
    X = np.array(splittable_random_doubles(seed, n * 8)).reshape(n, 8)
    v = -5 + 10 * X
    f = (0.5 * (v ** 4 - 16 * v ** 2 + 5 * v)).sum(1)
    y = -f
    return X, (y - y.mean()) / max(y.std(), 1e-10)


def optuna_lengthscale_prior(inv_sq):
    return -(0.1 / inv_sq + 0.1 * inv_sq).sum()


def dimension_scaled_lengthscale_prior(inv_sq):
    D = len(inv_sq)
    log_l = np.log(1 / np.sqrt(inv_sq))
    mu, var = np.sqrt(2) + 0.5 * np.log(D), 3.0
    return (-log_l - (log_l - mu) ** 2 / (2 * var)).sum()


def loss(raw, X, y, lengthscale_prior):
    n, D = X.shape
    inv_sq = np.exp(raw[:D])
    scale = np.exp(raw[D])
    noise = 1e-6 + np.exp(raw[D + 1])
    r2 = (((X[:, None, :] - X[None, :, :]) ** 2) * inv_sq).sum(-1)
    root = np.sqrt(5 * r2)
    K = scale * np.exp(-root) * (1 + root + 5 * r2 / 3) + noise * np.eye(n)
    L = np.linalg.cholesky(K)
    a = np.linalg.solve(L, y)
    mll = -np.log(np.diag(L)).sum() - 0.5 * a @ a
    prior = lengthscale_prior(inv_sq) + (np.log(scale) - scale) + (0.1 * np.log(noise) - 30 * noise)
    return -(mll + prior)


args = sys.argv[1:]
prior = optuna_lengthscale_prior
if args[:1] == ["--prior"]:
    prior = {"optuna": optuna_lengthscale_prior, "dimension-scaled": dimension_scaled_lengthscale_prior}[args[1]]
    args = args[2:]
for seed in [int(a) for a in args] or [1, 2, 3]:
    X, y = styblinski_tang8(seed)
    D = X.shape[1]
    start = np.r_[np.zeros(D), 0.0, np.log(1 - 0.99e-6)]  # all ones, as Optuna starts
    first = minimize(loss, start, args=(X, y, prior), method="L-BFGS-B", options={"gtol": 1e-2})
    polished = minimize(loss, first.x, args=(X, y, prior), method="L-BFGS-B",
                        options={"gtol": 1e-8, "ftol": 1e-14, "maxiter": 5000})
    # GpSampler's output warping, checked on the same values (YeoJohnsonWarpTest pins it).
    print(f"seed {seed}: Yeo-Johnson lambda of the standardised values (scipy.stats.yeojohnson) "
          f"{stats.yeojohnson(y)[1]:.6f}")
    for label, r in (("gtol 1e-2", first), ("polished", polished)):
        print(f"seed {seed}, {label}: loss {r.fun:.6f}; inverse squared length scales "
              f"{np.round(np.exp(r.x[:D]), 4).tolist()}; scale {np.exp(r.x[D]):.4g}; noise {1e-6 + np.exp(r.x[D + 1]):.4g}")
