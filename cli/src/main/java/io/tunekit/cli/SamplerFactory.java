package io.tunekit.cli;

import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.bruteforce.BruteForceSampler;
import io.tunekit.samplers.cmaes.CmaEsSampler;
import io.tunekit.samplers.cmaes.RestartStrategy;
import io.tunekit.samplers.gp.GpSampler;
import io.tunekit.samplers.grid.GridSampler;
import io.tunekit.samplers.nsga.BlxAlphaCrossover;
import io.tunekit.samplers.nsga.Crossover;
import io.tunekit.samplers.nsga.NsgaBuilder;
import io.tunekit.samplers.nsga.NsgaIIISampler;
import io.tunekit.samplers.nsga.NsgaIISampler;
import io.tunekit.samplers.nsga.SbxCrossover;
import io.tunekit.samplers.nsga.SpxCrossover;
import io.tunekit.samplers.nsga.UndxCrossover;
import io.tunekit.samplers.nsga.UniformCrossover;
import io.tunekit.samplers.nsga.VsbxCrossover;
import io.tunekit.samplers.qmc.QmcSampler;
import io.tunekit.samplers.qmc.QmcType;
import io.tunekit.samplers.qmc.Scrambling;
import io.tunekit.samplers.tpe.TpeSampler;
import io.tunekit.storage.jdbc.OptunaJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The samplers {@code tunekit ask --sampler NAME --sampler-kwargs JSON} builds, by Optuna's class
 * names and keyword arguments.
 *
 * <p>Each {@code ask} runs in a new process, so a sampler built from the same {@code seed} every
 * time would start from the same random state and propose the same values again (Optuna's CLI
 * does). Tunekit combines the seed with the number of trials the study already holds: successive
 * asks differ, and replaying a script against a fresh study repeats its values. The grid's
 * {@code seed} only fixes its shuffle, which the study keeps, so it is used as given (QMC's
 * scrambling seed is likewise kept in the study by the first ask).
 */
final class SamplerFactory {

    /** What one sampler accepts and how it is built. */
    private record Spec(Set<String> kwargs, Builder builder) {}

    @FunctionalInterface
    private interface Builder {
        Sampler build(Kwargs kwargs, Long seed);
    }

    private static final Map<String, Spec> SAMPLERS = new LinkedHashMap<>();

    /** The keyword arguments of Optuna's NSGAIISampler that JSON can carry (not its callables). */
    private static final Set<String> NSGA_KWARGS =
            Set.of("population_size", "mutation_prob", "crossover", "crossover_prob", "swapping_prob", "seed");

    /**
     * Optuna's crossover classes by name, with their default settings: Optuna's {@code crossover}
     * argument is an object, which a command line names instead.
     */
    private static final Map<String, Supplier<Crossover>> CROSSOVERS = new LinkedHashMap<>();

    static {
        CROSSOVERS.put("UniformCrossover", UniformCrossover::new);
        CROSSOVERS.put("BLXAlphaCrossover", BlxAlphaCrossover::new);
        CROSSOVERS.put("SBXCrossover", SbxCrossover::new);
        CROSSOVERS.put("VSBXCrossover", VsbxCrossover::new);
        CROSSOVERS.put("UNDXCrossover", UndxCrossover::new);
        CROSSOVERS.put("SPXCrossover", SpxCrossover::new);
    }

    static {
        SAMPLERS.put(
                "RandomSampler",
                new Spec(Set.of("seed"), (k, seed) -> seed == null ? new RandomSampler() : new RandomSampler(seed)));
        SAMPLERS.put(
                "TPESampler",
                new Spec(
                        Set.of(
                                "seed",
                                "n_startup_trials",
                                "n_ei_candidates",
                                "multivariate",
                                "group",
                                "constant_liar",
                                "prior_weight",
                                "consider_magic_clip",
                                "consider_endpoints"),
                        (k, seed) -> {
                            TpeSampler.Builder b = TpeSampler.builder();
                            if (seed != null) {
                                b.seed(seed);
                            }
                            k.integer("n_startup_trials").ifPresent(b::nStartupTrials);
                            k.integer("n_ei_candidates").ifPresent(b::nEiCandidates);
                            k.bool("multivariate").ifPresent(b::multivariate);
                            k.bool("group").ifPresent(b::group);
                            k.bool("constant_liar").ifPresent(b::constantLiar);
                            k.number("prior_weight").ifPresent(b::priorWeight);
                            k.bool("consider_magic_clip").ifPresent(b::magicClip);
                            k.bool("consider_endpoints").ifPresent(b::endpoints);
                            return b.build();
                        }));
        SAMPLERS.put("GPSampler", new Spec(Set.of("seed", "n_startup_trials", "deterministic_objective"), (k, seed) -> {
            GpSampler.Builder b = GpSampler.builder();
            if (seed != null) {
                b.seed(seed);
            }
            k.integer("n_startup_trials").ifPresent(b::nStartupTrials);
            k.bool("deterministic_objective").ifPresent(b::deterministicObjective);
            return b.build();
        }));
        SAMPLERS.put(
                "QMCSampler",
                new Spec(Set.of("qmc_type", "scramble", "seed", "warn_independent_sampling"), (k, seed) -> {
                    QmcSampler.Builder b = QmcSampler.builder();
                    if (seed != null) {
                        b.seed(seed);
                    }
                    String type = k.string("qmc_type").orElse("sobol");
                    b.qmcType(
                            switch (type) {
                                case "sobol" -> QmcType.SOBOL;
                                case "halton" -> QmcType.HALTON;
                                default -> throw k.wrong("qmc_type", type, "\"sobol\" or \"halton\"");
                            });
                    k.bool("scramble").ifPresent(on -> b.scrambling(on ? Scrambling.OWEN : Scrambling.NONE));
                    k.bool("warn_independent_sampling").ifPresent(b::warnIndependentSampling);
                    return b.build();
                }));
        SAMPLERS.put(
                "BruteForceSampler",
                new Spec(
                        Set.of("seed"),
                        (k, seed) -> seed == null ? new BruteForceSampler() : new BruteForceSampler(seed)));
        SAMPLERS.put(
                "CmaEsSampler",
                new Spec(
                        Set.of(
                                "x0",
                                "sigma0",
                                "n_startup_trials",
                                "warn_independent_sampling",
                                "seed",
                                "consider_pruned_trials",
                                "restart_strategy",
                                "popsize",
                                "inc_popsize",
                                "use_separable_cma",
                                "with_margin",
                                "lr_adapt"),
                        (k, seed) -> {
                            CmaEsSampler.Builder b = CmaEsSampler.builder();
                            if (seed != null) {
                                b.seed(seed);
                            }
                            k.object("x0").ifPresent(b::x0);
                            k.number("sigma0").ifPresent(b::sigma0);
                            k.integer("n_startup_trials").ifPresent(b::nStartupTrials);
                            k.bool("warn_independent_sampling").ifPresent(b::warnIndependentSampling);
                            k.bool("consider_pruned_trials").ifPresent(b::considerPrunedTrials);
                            java.util.Optional<String> restart = k.string("restart_strategy");
                            if (restart.isPresent()) {
                                b.restartStrategy(
                                        switch (restart.get()) {
                                            case "ipop" -> RestartStrategy.IPOP;
                                            case "bipop" -> RestartStrategy.BIPOP;
                                            default ->
                                                throw k.wrong(
                                                        "restart_strategy",
                                                        restart.get(),
                                                        "\"ipop\", \"bipop\" or null");
                                        });
                            }
                            k.integer("popsize").ifPresent(b::popsize);
                            k.integer("inc_popsize").ifPresent(b::incPopsize);
                            if (k.bool("use_separable_cma").orElse(false)) {
                                b.useSeparableCma();
                            }
                            if (k.bool("with_margin").orElse(false)) {
                                b.withMargin();
                            }
                            if (k.bool("lr_adapt").orElse(false)) {
                                b.lrAdapt();
                            }
                            return b.build();
                        }));
        SAMPLERS.put(
                "NSGAIISampler",
                new Spec(
                        NSGA_KWARGS,
                        (k, seed) -> nsga(NsgaIISampler.builder(), k, seed).build()));
        Set<String> nsga3 = new TreeSet<>(NSGA_KWARGS);
        nsga3.add("reference_points");
        nsga3.add("dividing_parameter");
        SAMPLERS.put("NSGAIIISampler", new Spec(Set.copyOf(nsga3), (k, seed) -> {
            NsgaIIISampler.Builder b = nsga(NsgaIIISampler.builder(), k, seed);
            k.matrix("reference_points").ifPresent(b::referencePoints);
            k.integer("dividing_parameter").ifPresent(b::dividingParameter);
            return b.build();
        }));
        SAMPLERS.put("GridSampler", new Spec(Set.of("search_space", "seed"), (k, seed) -> {
            Map<String, List<?>> space = k.grid("search_space");
            long shuffle = k.whole("seed").orElse(0);
            return new GridSampler(space, shuffle);
        }));
    }

    private SamplerFactory() {}

    /** The options NSGA-II and NSGA-III share. */
    private static <B extends NsgaBuilder<B>> B nsga(B b, Kwargs k, Long seed) {
        if (seed != null) {
            b.seed(seed);
        }
        k.integer("population_size").ifPresent(b::populationSize);
        k.number("mutation_prob").ifPresent(b::mutationProbability);
        k.number("crossover_prob").ifPresent(b::crossoverProbability);
        k.number("swapping_prob").ifPresent(b::swappingProbability);
        java.util.Optional<String> crossover = k.string("crossover");
        if (crossover.isPresent()) {
            Supplier<Crossover> made = CROSSOVERS.get(crossover.get());
            if (made == null) {
                throw k.wrong("crossover", crossover.get(), "one of " + CROSSOVERS.keySet());
            }
            // Uniform crossover is the default, which takes swapping_prob.
            if (!crossover.get().equals("UniformCrossover")) {
                b.crossover(made.get());
            }
        }
        return b;
    }

    /** The sampler names, as Optuna's classes are named. */
    static Set<String> names() {
        return SAMPLERS.keySet();
    }

    /**
     * The sampler {@code name} with these keyword arguments.
     *
     * @param trialCount the number of trials the study holds, mixed into a given seed
     * @throws CliException (USAGE) naming an unknown sampler or keyword, or a value of the wrong type
     */
    static Sampler create(String name, Map<String, Object> kwargs, int trialCount) {
        Spec spec = SAMPLERS.get(name);
        if (spec == null) {
            throw new CliException(
                    ExitCode.USAGE,
                    "--sampler '" + name + "' is not a sampler Tunekit knows; choose one of " + names());
        }
        for (String key : kwargs.keySet()) {
            if (!spec.kwargs().contains(key)) {
                throw new CliException(
                        ExitCode.USAGE,
                        "--sampler-kwargs: " + name + " takes no argument '" + key + "'; it takes "
                                + new TreeSet<>(spec.kwargs()));
            }
        }
        Kwargs k = new Kwargs(name, kwargs);
        Long seed = k.whole("seed").isPresent() ? mix(k.whole("seed").getAsLong(), trialCount) : null;
        try {
            return spec.builder().build(k, seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--sampler-kwargs: " + e.getMessage(), e);
        }
    }

    /** A seed per (seed, trial count): SplitMix64's finaliser of their combination. */
    static long mix(long seed, int trialCount) {
        long z = seed * 0x9E3779B97F4A7C15L + trialCount;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Typed access to the keyword arguments, with errors that name the argument and the sampler. */
    private record Kwargs(String sampler, Map<String, Object> values) {

        java.util.OptionalLong whole(String key) {
            Object v = values.get(key);
            if (v == null) {
                return java.util.OptionalLong.empty();
            }
            if (v instanceof Integer || v instanceof Long) {
                return java.util.OptionalLong.of(((Number) v).longValue());
            }
            throw wrong(key, v, "an integer");
        }

        java.util.OptionalInt integer(String key) {
            java.util.OptionalLong v = whole(key);
            if (v.isPresent() && v.getAsLong() != (int) v.getAsLong()) {
                throw wrong(key, v.getAsLong(), "an integer of at most 10 digits");
            }
            return v.isPresent() ? java.util.OptionalInt.of((int) v.getAsLong()) : java.util.OptionalInt.empty();
        }

        java.util.OptionalDouble number(String key) {
            Object v = values.get(key);
            if (v == null) {
                return java.util.OptionalDouble.empty();
            }
            if (v instanceof Number n) {
                return java.util.OptionalDouble.of(n.doubleValue());
            }
            throw wrong(key, v, "a number");
        }

        java.util.Optional<Boolean> bool(String key) {
            Object v = values.get(key);
            if (v == null) {
                return java.util.Optional.empty();
            }
            if (v instanceof Boolean b) {
                return java.util.Optional.of(b);
            }
            throw wrong(key, v, "true or false");
        }

        Map<String, List<?>> grid(String key) {
            if (!(values.get(key) instanceof Map<?, ?> map) || map.isEmpty()) {
                throw wrong(key, values.get(key), "an object of parameter name -> list of values");
            }
            Map<String, List<?>> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getValue() instanceof List<?> list)) {
                    throw wrong(key + "." + e.getKey(), e.getValue(), "a list of values");
                }
                out.put(String.valueOf(e.getKey()), new ArrayList<>(list));
            }
            return out;
        }

        java.util.Optional<Map<String, Object>> object(String key) {
            Object v = values.get(key);
            if (v == null) {
                return java.util.Optional.empty();
            }
            if (v instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((name, value) -> out.put(String.valueOf(name), value));
                return java.util.Optional.of(out);
            }
            throw wrong(key, v, "an object of parameter name -> value");
        }

        java.util.Optional<double[][]> matrix(String key) {
            Object v = values.get(key);
            if (v == null) {
                return java.util.Optional.empty();
            }
            if (v instanceof List<?> rows && !rows.isEmpty()) {
                double[][] out = new double[rows.size()][];
                for (int i = 0; i < rows.size(); i++) {
                    if (!(rows.get(i) instanceof List<?> row)) {
                        throw wrong(key, v, "a list of points, each a list of numbers");
                    }
                    out[i] = new double[row.size()];
                    for (int j = 0; j < row.size(); j++) {
                        if (!(row.get(j) instanceof Number n)) {
                            throw wrong(key, v, "a list of points, each a list of numbers");
                        }
                        out[i][j] = n.doubleValue();
                    }
                }
                return java.util.Optional.of(out);
            }
            throw wrong(key, v, "a non-empty list of points, each a list of numbers");
        }

        java.util.Optional<String> string(String key) {
            Object v = values.get(key);
            if (v == null) {
                return java.util.Optional.empty();
            }
            if (v instanceof String text) {
                return java.util.Optional.of(text);
            }
            throw wrong(key, v, "a string");
        }

        CliException wrong(String key, Object value, String expected) {
            return new CliException(
                    ExitCode.USAGE,
                    "--sampler-kwargs: " + sampler + "'s '" + key + "' is " + OptunaJson.dumps(value) + ", not "
                            + expected);
        }
    }
}
