package io.tunekit.samplers.nsga;

import java.util.random.RandomGenerator;

/**
 * Replays fixed uniforms ({@code nextDouble}) and standard normals ({@code nextGaussian}), like
 * {@code ScriptedRng} of {@code samplers/src/test/python/nsga_reference.py}, so that an operator's
 * output can be compared with Optuna's for the same draws. Any other draw is a test error.
 */
final class ScriptedRandom implements RandomGenerator {

    private final double[] uniforms;
    private final double[] normals;
    private int u;
    private int z;

    ScriptedRandom(double[] uniforms, double[] normals) {
        this.uniforms = uniforms.clone();
        this.normals = normals.clone();
    }

    @Override
    public double nextDouble() {
        return uniforms[u++];
    }

    @Override
    public double nextGaussian() {
        return normals[z++];
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("the script has only uniforms and normals");
    }

    int uniformsUsed() {
        return u;
    }
}
