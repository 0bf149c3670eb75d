"""Reference values pinned in CmaOptimizerReferenceTest, computed with the cmaes library Optuna uses.

    /usr/bin/python3 samplers/src/test/python/cmaes_reference.py

(Debian's python3-cmaes 0.9.1.) Each case builds an optimizer in the unit cube, tells it two
generations of fixed solutions (points drawn from a seeded numpy generator, values of a fixed
function), and prints the state after each generation: mean, sigma, covariance (or its
diagonal), p_c and p_sigma, plus should_stop(). Then the warm start of a fixed source task, and
CMA-ES with margin (CMAwM): mean, sigma, covariance, the scaling A and the grid values of a probe
point after each of two generations.
"""
import cmaes
import numpy as np


def solutions(rng, n, dim, center):
    out = []
    for _ in range(n):
        x = np.clip(center + 0.2 * rng.standard_normal(dim), 0, 1)
        value = float(np.sum((x - 0.3) ** 2) + 0.5 * x[0] * x[-1])
        out.append((x, value))
    return out


def dump(name, opt, cov):
    print(name, "generation", opt.generation)
    print(name, "mean", repr(opt._mean.tolist()))
    print(name, "sigma", repr(float(opt._sigma)))
    print(name, "cov", repr(np.asarray(cov).tolist()))
    print(name, "pc", repr(opt._pc.tolist()))
    print(name, "p_sigma", repr(opt._p_sigma.tolist()))
    print(name, "should_stop", opt.should_stop())


def run(name, cls, dim, popsize):
    bounds = np.array([[0.0, 1.0]] * dim)
    opt = cls(mean=np.full(dim, 0.5), sigma=1 / 6, bounds=bounds, seed=1, population_size=popsize)
    rng = np.random.default_rng(7)
    for g in range(2):
        sols = solutions(rng, popsize, dim, opt._mean.copy())
        for x, v in sols:
            print(name, "told", g, repr(x.tolist()), repr(v))
        opt.tell(sols)
        dump(name + "@" + str(g + 1), opt, opt._C)


np.set_printoptions(precision=17)
run("full", cmaes.CMA, 3, 6)
run("sep", cmaes.SepCMA, 4, 7)

rng = np.random.default_rng(3)
source = [(rng.uniform(0, 1, 2), float(v)) for v in rng.uniform(0, 10, 30)]
for x, v in source:
    print("warm told", repr(x.tolist()), repr(v))
mean, sigma, cov = cmaes.get_warm_start_mgd(source)
print("warm mean", repr(mean.tolist()))
print("warm sigma", repr(float(sigma)))
print("warm cov", repr(cov.tolist()))

# CMA-ES with margin: dimension 0 continuous, 1 on a grid of step 0.25, 2 on a grid of step 0.1
bounds = np.array([[0.0, 1.0]] * 3)
steps = np.array([0.0, 0.25, 0.1])
wm = cmaes.CMAwM(mean=np.array([0.5, 0.55, 0.43]), sigma=0.02, bounds=bounds, steps=steps, seed=1, population_size=6)
rng = np.random.default_rng(11)
for g in range(2):
    sols = []
    for _ in range(6):
        x = wm._cma._mean + 0.03 * rng.standard_normal(3)
        value = float(np.sum((x - 0.3) ** 2))
        sols.append((x, value))
        print("margin told", g, repr(x.tolist()), repr(value))
    wm.tell(sols)
    print("margin@%d mean" % (g + 1), repr(wm._cma._mean.tolist()))
    print("margin@%d sigma" % (g + 1), repr(float(wm._cma._sigma)))
    print("margin@%d cov" % (g + 1), repr(wm._cma._C.tolist()))
    print("margin@%d a" % (g + 1), repr(wm._A.tolist()))
    probe = np.array([0.61, 0.37, 0.449])
    print("margin@%d encoded" % (g + 1), repr(wm._encode_discrete_params(probe[wm._discrete_idx]).tolist()))
