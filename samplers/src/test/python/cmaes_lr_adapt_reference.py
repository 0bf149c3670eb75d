"""Reference values pinned in CmaOptimizerReferenceTest for the learning rate adaptation
(Nomura, Akimoto and Ono, GECCO 2023), computed with the cmaes library (0.10 or later, here
0.13.1; Debian's 0.9.1 predates `lr_adapt`):

    PYTHONPATH=<cmaes 0.13.1 source> /usr/bin/python3 samplers/src/test/python/cmaes_lr_adapt_reference.py

Builds CMA(lr_adapt=True) in the unit cube, tells it three generations of fixed solutions and
prints mean, sigma, covariance and the two learning rates after each.
"""
import cmaes
import numpy as np

dim, popsize = 3, 6
opt = cmaes.CMA(mean=np.full(dim, 0.5), sigma=1 / 6, bounds=np.array([[0.0, 1.0]] * dim), seed=1,
                population_size=popsize, lr_adapt=True)
rng = np.random.default_rng(5)
for g in range(3):
    sols = []
    for _ in range(popsize):
        x = np.clip(opt._mean + 0.15 * rng.standard_normal(dim), 0, 1)
        value = float(np.sum((x - 0.3) ** 2) + 0.5 * x[0] * x[-1])
        sols.append((x, value))
        print("lra told", g, repr(x.tolist()), repr(value))
    opt.tell(sols)
    print("lra@%d mean" % (g + 1), repr(opt._mean.tolist()))
    print("lra@%d sigma" % (g + 1), repr(float(opt._sigma)))
    print("lra@%d cov" % (g + 1), repr(opt._C.tolist()))
    print("lra@%d eta_mean" % (g + 1), repr(float(opt._eta_mean)))
    print("lra@%d eta_sigma" % (g + 1), repr(float(opt._eta_Sigma)))
