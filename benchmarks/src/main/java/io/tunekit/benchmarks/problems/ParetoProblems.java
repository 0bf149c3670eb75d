package io.tunekit.benchmarks.problems;

import java.util.List;

/**
 * The multi-objective problems of the NSGA benchmarks: ZDT1, ZDT2 and ZDT3 (Zitzler, Deb and
 * Thiele 2000) with 30 variables in [0, 1], and DTLZ2 (Deb, Thiele, Laumanns and Zitzler 2002)
 * with 3 objectives and 12 variables in [0, 1]; parameters {@code x0, x1, ...}. Every objective is
 * minimised. The hypervolume reference points lie beyond the worst values a random search
 * reaches in most of the box (ZDT: {@code f1 <= 1}, {@code f2 <= 1 + 9 = 10} when every
 * {@code x_i = 1}; DTLZ2: {@code f_m <= 1 + g <= 3.5}), so that early populations count too.
 */
public final class ParetoProblems {

    private static final double PI = Math.PI;

    private ParetoProblems() {}

    /** ZDT1: convex front {@code f2 = 1 - sqrt(f1)}. */
    public static ParetoProblem zdt1() {
        return zdt("zdt1", (f1, g) -> g * (1 - Math.sqrt(f1 / g)));
    }

    /** ZDT2: concave front {@code f2 = 1 - f1^2}. */
    public static ParetoProblem zdt2() {
        return zdt("zdt2", (f1, g) -> g * (1 - (f1 / g) * (f1 / g)));
    }

    /** ZDT3: disconnected front {@code f2 = 1 - sqrt(f1) - f1 sin(10 pi f1)}. */
    public static ParetoProblem zdt3() {
        return zdt("zdt3", (f1, g) -> g * (1 - Math.sqrt(f1 / g) - f1 / g * Math.sin(10 * PI * f1)));
    }

    private interface SecondObjective {
        double of(double f1, double g);
    }

    private static ParetoProblem zdt(String name, SecondObjective h) {
        int n = 30;
        return new ParetoProblem(name, Problems.floats(n, 0, 1), new double[] {1.1, 11}, x -> {
            double sum = 0;
            for (int i = 1; i < n; i++) {
                sum += x[i];
            }
            double g = 1 + 9 * sum / (n - 1);
            return new double[] {x[0], h.of(x[0], g)};
        });
    }

    /** DTLZ2 with 3 objectives and 12 variables: front on the unit sphere's positive octant. */
    public static ParetoProblem dtlz2() {
        int n = 12;
        int m = 3;
        return new ParetoProblem("dtlz2", Problems.floats(n, 0, 1), new double[] {3.5, 3.5, 3.5}, x -> {
            double g = 0;
            for (int i = m - 1; i < n; i++) {
                g += (x[i] - 0.5) * (x[i] - 0.5);
            }
            double a = x[0] * PI / 2;
            double b = x[1] * PI / 2;
            return new double[] {
                (1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b), (1 + g) * Math.sin(a)
            };
        });
    }

    /** All four. */
    public static List<ParetoProblem> all() {
        return List.of(zdt1(), zdt2(), zdt3(), dtlz2());
    }

    /**
     * The problem with this name.
     *
     * @throws IllegalArgumentException naming the known problems if there is none
     */
    public static ParetoProblem byName(String name) {
        for (ParetoProblem p : all()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown multi-objective problem '" + name + "'; known: "
                + all().stream().map(ParetoProblem::name).toList());
    }
}
