"""Reference values pinned in QmcSamplerTest and QmcSequenceTest, computed with SciPy and Optuna 5.0.

    .venv-optuna/bin/python samplers/src/test/python/qmc_reference.py

Prints unscrambled Sobol (d=5) and Halton (d=3) points of SciPy at a few indices, and the study
system attribute key Optuna's QMCSampler uses for a small search space.
"""
import hashlib
import json

import optuna
from scipy.stats import qmc


def point(engine_cls, d, index):
    engine = engine_cls(d, scramble=False)
    if index:
        engine.fast_forward(index)
    return [float(v) for v in engine.random(1)[0]]


for index in (0, 1, 2, 3, 7, 100, 1000, 123456):
    print("sobol", index, repr(point(qmc.Sobol, 5, index)))
for index in (0, 1, 5, 100, 1000):
    print("halton", index, repr(point(qmc.Halton, 3, index)))

space = {
    "x": optuna.distributions.FloatDistribution(-5.0, 10.0),
    "lr": optuna.distributions.FloatDistribution(1e-5, 1.0, log=True),
    "n": optuna.distributions.IntDistribution(1, 8),
    "kind": optuna.distributions.CategoricalDistribution(["a", "b", None, 2.5, True]),
}
for scramble, seed in ((False, None), (True, 42)):
    sampler = optuna.samplers.QMCSampler(qmc_type="sobol", scramble=scramble, seed=seed)
    study = optuna.create_study(sampler=sampler)
    sampler._find_sample_id(study, space)
    keys = [k for k in study._storage.get_study_system_attrs(study._study_id) if k.startswith("qmc:")]
    print("key scramble=%s seed=%s" % (scramble, seed), keys[0])
