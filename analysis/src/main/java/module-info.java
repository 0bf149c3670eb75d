/**
 * Which parameters mattered and when to stop: parameter importance ({@link
 * io.tunekit.analysis.importance.Importance}: PED-ANOVA, fANOVA, mean decrease impurity) and the
 * terminator ({@link io.tunekit.analysis.terminator.Terminator}), whose regret bound runs on the
 * GP sampler's own model.
 */
module io.tunekit.analysis {
    requires transitive io.tunekit.core;
    requires io.tunekit.samplers;
    requires commons.math3; // automatic module (no module descriptor, name from the jar file)

    exports io.tunekit.analysis.importance;
    exports io.tunekit.analysis.terminator;
}
