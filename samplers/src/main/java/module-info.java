/**
 * Grid, TPE, Gaussian-process, quasi-Monte Carlo, brute-force and partially fixed samplers. The
 * package io.tunekit.samplers.internal, which the samplers share, is not exported.
 */
module io.tunekit.samplers {
    requires transitive io.tunekit.core;
    requires com.fasterxml.jackson.databind;
    requires commons.math3; // automatic module (no module descriptor, name from the jar file)
    requires ejml.core; // automatic module
    requires ejml.ddense; // automatic module

    exports io.tunekit.samplers.bruteforce;
    exports io.tunekit.samplers.gp;
    exports io.tunekit.samplers.grid;
    exports io.tunekit.samplers.partialfixed;
    exports io.tunekit.samplers.qmc;
    exports io.tunekit.samplers.tpe;
}
