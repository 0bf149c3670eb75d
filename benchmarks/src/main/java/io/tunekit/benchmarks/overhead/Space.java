package io.tunekit.benchmarks.overhead;

import io.tunekit.Objective;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search spaces of the overhead benchmark with their trivial objectives: MIXED10 and
 * FLOATS10 of docs/benchmarks.md §3, and FLOATS40 (40 floats in [0, 1], sum of squared
 * distances to 0.3) for the TPE speed case of issue 3.
 */
public enum Space {
    MIXED10 {
        @Override
        Map<String, Distribution> build() {
            Map<String, Distribution> d = sixFloats();
            d.put("i0", IntDistribution.of(1, 10));
            d.put("i1", IntDistribution.of(0, 100));
            d.put("c0", CategoricalDistribution.of("a", "b", "c"));
            d.put("c1", CategoricalDistribution.of("v0", "v1", "v2", "v3", "v4"));
            return d;
        }

        @Override
        double evaluate(Map<String, Object> p) {
            int i0 = (Integer) p.get("i0");
            return sixFloatTerms(p)
                    + (i0 - 3) * (i0 - 3) / 81.0
                    + (Integer) p.get("i1") / 100.0
                    + index("c0", p)
                    + 0.1 * index("c1", p);
        }
    },
    FLOATS10 {
        @Override
        Map<String, Distribution> build() {
            Map<String, Distribution> d = sixFloats();
            d.put("f6", FloatDistribution.of(1, 10));
            d.put("f7", FloatDistribution.of(0, 100));
            d.put("f8", FloatDistribution.of(0, 3));
            d.put("f9", FloatDistribution.of(0, 5));
            return d;
        }

        @Override
        double evaluate(Map<String, Object> p) {
            double f6 = (Double) p.get("f6");
            return sixFloatTerms(p)
                    + (f6 - 3) * (f6 - 3) / 81.0
                    + (Double) p.get("f7") / 100.0
                    + (Double) p.get("f8")
                    + 0.1 * (Double) p.get("f9");
        }
    },
    FLOATS40 {
        @Override
        Map<String, Distribution> build() {
            Map<String, Distribution> d = new LinkedHashMap<>();
            for (int i = 0; i < 40; i++) {
                d.put("x" + i, FloatDistribution.of(0, 1));
            }
            return d;
        }

        @Override
        double evaluate(Map<String, Object> p) {
            double sum = 0;
            for (Object v : p.values()) {
                double x = (Double) v - 0.3;
                sum += x * x;
            }
            return sum;
        }
    };

    private final Map<String, Distribution> distributions = Collections.unmodifiableMap(build());

    abstract Map<String, Distribution> build();

    abstract double evaluate(Map<String, Object> params);

    /** The parameters in suggestion order. */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    /** The names in suggestion order. */
    public List<String> names() {
        return List.copyOf(distributions.keySet());
    }

    /** The objective: suggests every parameter in order, then evaluates the trivial formula. */
    public Objective objective() {
        return trial -> {
            Map<String, Object> params = new LinkedHashMap<>();
            distributions.forEach((name, d) -> params.put(name, trial.suggest(name, d)));
            return evaluate(params);
        };
    }

    /** The formula on external parameter values (e.g. from {@code Trial.params()}). */
    public double value(Map<String, Object> params) {
        return evaluate(params);
    }

    private static Map<String, Distribution> sixFloats() {
        Map<String, Distribution> d = new LinkedHashMap<>();
        d.put("f0", FloatDistribution.logScale(1e-5, 1));
        d.put("f1", FloatDistribution.of(0, 1));
        d.put("f2", FloatDistribution.of(-10, 10));
        d.put("f3", FloatDistribution.of(0, 100));
        d.put("f4", FloatDistribution.of(-1, 1));
        d.put("f5", FloatDistribution.of(0, 1));
        return d;
    }

    private static double sixFloatTerms(Map<String, Object> p) {
        double a = Math.log10((Double) p.get("f0")) + 3;
        double b = (Double) p.get("f1") - 0.3;
        double c = (Double) p.get("f2") / 10;
        double d = (Double) p.get("f3") / 100 - 0.5;
        double e = (Double) p.get("f4");
        return a * a + b * b + c * c + d * d + e * e + (Double) p.get("f5");
    }

    final int index(String name, Map<String, Object> p) {
        return ((CategoricalDistribution) distributions.get(name)).indexOf(p.get(name));
    }
}
