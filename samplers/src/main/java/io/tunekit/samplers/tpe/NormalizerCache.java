package io.tunekit.samplers.tpe;

import java.util.Arrays;

/**
 * The log normalisers ({@code -log(sigma) - log(sqrt(2 pi)) - log(truncation mass)}) of one
 * parameter's continuous g(x) kernels from the previous ask, by history index. A finished trial's
 * kernel keeps its mean forever and usually its bandwidth from one ask to the next, so its
 * normaliser is reused while bandwidth and bounds are unchanged: neither the log nor the mass is
 * computed again.
 */
final class NormalizerCache {

    private double low = Double.NaN;
    private double high = Double.NaN;
    private double[] sigmas = new double[0];
    private double[] logNorm = new double[0];

    /** Forgets everything if the truncation bounds changed. */
    void bounds(double low, double high) {
        if (low != this.low || high != this.high) {
            this.low = low;
            this.high = high;
            Arrays.fill(sigmas, Double.NaN);
        }
    }

    /** The stored normaliser of slot {@code slot} for bandwidth {@code sigma}, or NaN. */
    double get(int slot, double sigma) {
        return slot < sigmas.length && sigmas[slot] == sigma ? logNorm[slot] : Double.NaN;
    }

    void put(int slot, double sigma, double value) {
        if (slot >= sigmas.length) {
            int old = sigmas.length;
            int size = Math.max(slot + 1, old * 2);
            sigmas = Arrays.copyOf(sigmas, size);
            logNorm = Arrays.copyOf(logNorm, size);
            Arrays.fill(sigmas, old, size, Double.NaN);
        }
        sigmas[slot] = sigma;
        logNorm[slot] = value;
    }
}
