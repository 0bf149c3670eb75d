package io.tunekit.benchmarks.overhead;

import io.tunekit.benchmarks.SamplerRegistry;
import java.util.List;

/**
 * A configuration of the overhead benchmark: a sampler from the registry and the way trials are
 * driven. The protocol's names map to Tunekit samplers as follows: {@code tpe} is the univariate
 * TPE (Optuna 3.1's default, which the baseline row measured), {@code tpe_multivariate} the
 * multivariate one (Tunekit's default). Any other registry name runs through {@code optimize}.
 *
 * @param name the configuration's name in reports
 * @param sampler the sampler's registry name
 * @param mode how trials are driven
 */
public record OverheadConfig(String name, String sampler, Mode mode) {

    /** How the trials are driven. */
    public enum Mode {
        /** {@code study.optimize(objective, n)}. */
        OPTIMIZE,
        /** {@code ask()}, {@code suggest*} per parameter, {@code tell()}. */
        ASK_TELL,
        /** {@code ask(distributions)} then {@code tell()}. */
        ASK_TELL_FIXED
    }

    /** The protocol's configurations, in its order. */
    public static final List<OverheadConfig> PROTOCOL = List.of(
            new OverheadConfig("random", "random", Mode.OPTIMIZE),
            new OverheadConfig("random_asktell", "random", Mode.ASK_TELL),
            new OverheadConfig("random_asktell_fixed", "random", Mode.ASK_TELL_FIXED),
            new OverheadConfig("tpe", "tpe-univariate", Mode.OPTIMIZE),
            new OverheadConfig("tpe_multivariate", "tpe", Mode.OPTIMIZE));

    /**
     * The configuration of this name: a protocol name, or a registry sampler driven by
     * {@code optimize}.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static OverheadConfig byName(String name) {
        for (OverheadConfig c : PROTOCOL) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        if (SamplerRegistry.names().contains(name)) {
            return new OverheadConfig(name, name, Mode.OPTIMIZE);
        }
        throw new IllegalArgumentException("Unknown overhead config '" + name + "'; known: "
                + PROTOCOL.stream().map(OverheadConfig::name).toList() + " or a sampler of " + SamplerRegistry.names());
    }
}
