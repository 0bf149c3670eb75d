/**
 * Grid, TPE, Gaussian-process, CMA-ES, quasi-Monte Carlo, brute-force, partially fixed, NSGA-II
 * and NSGA-III samplers, and the Pareto tools (non-dominated sorting, hypervolume) they share. The
 * packages with an "internal" segment are not exported to users: io.tunekit.samplers.internal
 * (what the samplers share) and io.tunekit.samplers.gp.internal (the GP sampler's model) go only
 * to Tunekit's analysis module, whose terminator evaluates the regret bound on that very model.
 */
// "module": the qualified exports name a Tunekit module that is not on this module's path when it
// is compiled, which javac reports although it is expected.
@SuppressWarnings("module")
module io.tunekit.samplers {
    requires transitive io.tunekit.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires commons.math3; // automatic module (no module descriptor, name from the jar file)
    requires ejml.core; // automatic module
    requires ejml.ddense; // automatic module

    exports io.tunekit.samplers.bruteforce;
    exports io.tunekit.samplers.cmaes;
    exports io.tunekit.samplers.gp;
    exports io.tunekit.samplers.grid;
    exports io.tunekit.samplers.nsga;
    exports io.tunekit.samplers.pareto;
    exports io.tunekit.samplers.partialfixed;
    exports io.tunekit.samplers.qmc;
    exports io.tunekit.samplers.tpe;

    // TPE is the default sampler (Optuna's) of studies built without one.
    provides io.tunekit.sampler.DefaultSamplerProvider with
            io.tunekit.samplers.tpe.TpeDefaultSamplerProvider;

    // Not an API: shared with Tunekit's analysis module only.
    exports io.tunekit.samplers.internal to
            io.tunekit.analysis;
    exports io.tunekit.samplers.gp.internal to
            io.tunekit.analysis;
}
