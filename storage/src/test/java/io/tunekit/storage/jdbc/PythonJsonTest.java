package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** JSON text byte for byte as Python's json.dumps writes it, and read back as json.loads reads it. */
class PythonJsonTest {

    @Test
    void floatsMatchPythonReprOnReferenceValues() throws Exception {
        // 500+ doubles (edge cases, random bit patterns, random magnitudes) written by Python 3.11.
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PythonJsonTest.class.getResourceAsStream("/python/float_repr.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("#")) {
                    rows.add(line.split(" "));
                }
            }
        }
        assertThat(rows).hasSizeGreaterThan(500);
        for (String[] row : rows) {
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            assertThat(PythonJson.pythonFloat(d)).as("bits " + row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void nonFiniteFloatsAreBareTokens() {
        assertThat(PythonJson.pythonFloat(Double.NaN)).isEqualTo("NaN");
        assertThat(PythonJson.pythonFloat(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(PythonJson.pythonFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Property
    void everyFloatReadsBackExactly(@ForAll double d) {
        assertThat(Double.parseDouble(PythonJson.pythonFloat(d))).isEqualTo(d);
        assertThat((Double) PythonJson.loads(PythonJson.pythonFloat(d))).isEqualTo(d);
    }

    @Property(tries = 5000)
    void floatsAreTheShortestNearestDecimal(@ForAll double d) {
        if (Double.isFinite(d) && d != 0) {
            assertThat(PythonJson.pythonFloat(d)).isEqualTo(slowRepr(d));
        }
    }

    @Test
    void floatsWithOneOrTwoDigitsAndSubnormalsAreTheShortestNearestDecimal() {
        // Where the fast path's two-digit check decides: one- and two-digit decimals at every
        // magnitude, their neighbours, and the subnormals (whose wide gaps make one digit enough).
        for (int exp = -324; exp <= 308; exp++) {
            for (int m = 1; m < 100; m++) {
                double d = Double.parseDouble(m + "E" + exp);
                if (Double.isFinite(d) && d != 0) {
                    for (double x : new double[] {d, Math.nextUp(d), Math.nextDown(d)}) {
                        assertThat(PythonJson.pythonFloat(x)).as("%s", x).isEqualTo(slowRepr(x));
                    }
                }
            }
        }
        for (long bits = 1; bits < 2000; bits++) {
            double d = Double.longBitsToDouble(bits);
            assertThat(PythonJson.pythonFloat(d)).as("bits %d", bits).isEqualTo(slowRepr(d));
        }
    }

    /**
     * Python's repr by exact arithmetic, the reference for the fast path: start from Java's
     * round-tripping digits and drop digits while the exactly rounded value still reads back.
     */
    private static String slowRepr(double d) {
        java.math.BigDecimal exact = new java.math.BigDecimal(d);
        int digits = new java.math.BigDecimal(Double.toString(d))
                .stripTrailingZeros()
                .precision();
        java.math.BigDecimal best = exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        while (digits > 1) {
            java.math.BigDecimal shorter =
                    exact.round(new java.math.MathContext(digits - 1, java.math.RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() != d) {
                break;
            }
            best = shorter;
            digits--;
        }
        best = best.stripTrailingZeros();
        String unscaled = best.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - best.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = best.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        String exp = Integer.toString(Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
    }

    @Test
    void nestedValuesMatchPythonJsonDumps() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("k", Arrays.asList(1, 2.5, null, true, false));
        value.put("s", "h\u00e9llo \u2603 \ud83d\ude00 \n\t\"\\ \u0001\u007f/");
        value.put("n", Double.NaN);
        value.put("i", Double.POSITIVE_INFINITY);
        value.put("m", Double.NEGATIVE_INFINITY);
        value.put("e", Map.of());
        value.put("l", List.of());
        value.put("big", 1L << 40);
        // json.dumps of the same Python object (see src/test/resources/python for how it was made)
        assertThat(PythonJson.dumps(value))
                .isEqualTo("{\"k\": [1, 2.5, null, true, false], \"s\": \"h\\u00e9llo \\u2603 "
                        + "\\ud83d\\ude00 \\n\\t\\\"\\\\ \\u0001\\u007f/\", \"n\": NaN, \"i\": Infinity, \"m\": -Infinity, \"e\": {}, "
                        + "\"l\": [], \"big\": 1099511627776}");
        Object back = PythonJson.loads(PythonJson.dumps(value));
        assertThat(io.tunekit.internal.JsonValues.sameValue(back, value)).isTrue();
    }

    @Test
    void readsPythonsNonStandardTokensAndLargeIntegers() {
        assertThat(PythonJson.loads("[NaN, Infinity, -Infinity, 12345678901234, 123456789012345678901234567890]"))
                .asList()
                .satisfies(l -> {
                    assertThat((Double) l.get(0)).isNaN();
                    assertThat(l.get(1)).isEqualTo(Double.POSITIVE_INFINITY);
                    assertThat(l.get(2)).isEqualTo(Double.NEGATIVE_INFINITY);
                    assertThat(l.get(3)).isEqualTo(12345678901234L);
                    assertThat(l.get(4)).isEqualTo(1.2345678901234568E29);
                });
        assertThat(PythonJson.loads("{\"a\": 1}")).isEqualTo(Map.of("a", 1));
    }

    @Test
    void badJsonIsAClearError() {
        assertThatThrownBy(() -> PythonJson.loads("{oops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not valid JSON: {oops");
    }
}
