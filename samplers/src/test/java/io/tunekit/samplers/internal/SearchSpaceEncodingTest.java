package io.tunekit.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SearchSpaceEncodingTest {

    private static final FloatDistribution CONTINUOUS = FloatDistribution.of(-5, 10);
    private static final FloatDistribution LOG = FloatDistribution.logScale(1e-3, 10);
    private static final FloatDistribution STEPPED = FloatDistribution.stepped(0, 1, 0.25);
    private static final IntDistribution INT = IntDistribution.of(0, 10);
    private static final IntDistribution INT_STEP = IntDistribution.stepped(0, 9, 3);
    private static final IntDistribution LOG_INT = IntDistribution.logScale(1, 100);
    private static final CategoricalDistribution CHOICE = CategoricalDistribution.of("a", "b", "c");

    /** Dimensions in this order: 0 continuous, 1 log, 2 stepped, 3 int, 4 int step 3, 5 log int, 6 categorical. */
    private static final SearchSpaceEncoding SPACE = new SearchSpaceEncoding(space());

    private static Map<String, Distribution> space() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("continuous", CONTINUOUS);
        space.put("log", LOG);
        space.put("stepped", STEPPED);
        space.put("int", INT);
        space.put("intStep", INT_STEP);
        space.put("logInt", LOG_INT);
        space.put("choice", CHOICE);
        return space;
    }

    @Test
    void classifiesDimensions() {
        assertThat(SPACE.dimension()).isEqualTo(7);
        assertThat(SPACE.names()).containsExactly("continuous", "log", "stepped", "int", "intStep", "logInt", "choice");
        assertThat(SPACE.isContinuous(0)).isTrue();
        assertThat(SPACE.isContinuous(1)).isTrue();
        assertThat(SPACE.isContinuous(2)).isFalse();
        assertThat(SPACE.gridSize(2)).isEqualTo(5);
        assertThat(SPACE.gridSize(3)).isEqualTo(11);
        assertThat(SPACE.gridSize(4)).isEqualTo(4);
        assertThat(SPACE.gridSize(5)).isEqualTo(100);
        assertThat(SPACE.isCategorical(6)).isTrue();
        assertThat(SPACE.gridSize(6)).isEqualTo(3);
        assertThat(SPACE.categoricalMask()).containsExactly(false, false, false, false, false, false, true);
    }

    @Test
    void encodesWithLogScaleAndHalfStepMargins() {
        assertThat(SPACE.encode(0, 1.0)).isCloseTo(0.4, within(1e-15));
        // log10 scale: 0.1 sits at 2/4 of the way from 1e-3 to 10.
        assertThat(SPACE.encode(1, 0.1)).isCloseTo(0.5, within(1e-15));
        // [0, 1] with step 0.25 spans [-0.125, 1.125].
        assertThat(SPACE.encode(2, 0.0)).isCloseTo(0.125 / 1.25, within(1e-15));
        assertThat(SPACE.encode(3, 0)).isCloseTo(0.5 / 11, within(1e-15));
        assertThat(SPACE.encode(3, 10)).isCloseTo(10.5 / 11, within(1e-15));
        // log int [1, 100] spans [log 0.5, log 100.5].
        assertThat(SPACE.encode(5, 1))
                .isCloseTo((Math.log(1) - Math.log(0.5)) / (Math.log(100.5) - Math.log(0.5)), within(1e-15));
        assertThat(SPACE.encode(6, 2)).isEqualTo(2.0);
    }

    @Test
    void roundsOntoTheGridAndClips() {
        // int [0, 10]: u -> -0.5 + 11 u, rounded half up, clipped.
        assertThat(SPACE.decode(3, 0.0)).isEqualTo(0);
        assertThat(SPACE.decode(3, (4.49 + 0.5) / 11)).isEqualTo(4);
        assertThat(SPACE.decode(3, (4.51 + 0.5) / 11)).isEqualTo(5);
        assertThat(SPACE.decode(3, 1.0)).isEqualTo(10);
        assertThat(SPACE.decode(3, 1.7)).isEqualTo(10);
        assertThat(SPACE.decode(3, -0.3)).isEqualTo(0);
        // int step 3 on [0, 9]: 4.4 -> 3, 4.6 -> 6.
        assertThat(SPACE.decode(4, (4.4 + 1.5) / 12)).isEqualTo(3);
        assertThat(SPACE.decode(4, (4.6 + 1.5) / 12)).isEqualTo(6);
        // float step 0.25: 0.6 -> 0.5, 0.63 -> 0.75, beyond the top -> high.
        assertThat(SPACE.decode(2, (0.6 + 0.125) / 1.25)).isEqualTo(0.5);
        assertThat(SPACE.decode(2, (0.63 + 0.125) / 1.25)).isEqualTo(0.75);
        assertThat(SPACE.decode(2, 2.0)).isEqualTo(1.0);
        // log int: the ends of the unit interval are the ends of the range.
        assertThat(SPACE.decode(5, 0.0)).isEqualTo(1);
        assertThat(SPACE.decode(5, 1.0)).isEqualTo(100);
        // categorical: nearest index, clipped.
        assertThat(SPACE.decode(6, 1.6)).isEqualTo(2);
        assertThat(SPACE.decode(6, -0.4)).isEqualTo(0);
        assertThat(SPACE.decode(6, 7)).isEqualTo(2);
        // continuous ones are clipped only.
        assertThat(SPACE.decode(0, 1.2)).isEqualTo(10);
        assertThat(SPACE.decode(1, -0.1)).isEqualTo(1e-3);
    }

    @Test
    void mapsUniformDrawsToChoicesAndGridPoints() {
        assertThat(SPACE.fromUnit(6, 0.0)).isEqualTo(0);
        assertThat(SPACE.fromUnit(6, 0.34)).isEqualTo(1);
        assertThat(SPACE.fromUnit(6, 0.999)).isEqualTo(2);
        assertThat(SPACE.fromUnit(3, 0.5)).isEqualTo(SPACE.gridPoint(3, 5));
        assertThat(SPACE.fromUnit(0, 0.123)).isEqualTo(0.123);
    }

    @Test
    void gridPointsDecodeToTheirValues() {
        for (long i = 0; i < 11; i++) {
            assertThat(SPACE.decode(3, SPACE.gridPoint(3, i))).isEqualTo((double) i);
            assertThat(SPACE.gridIndex(3, SPACE.gridPoint(3, i))).isEqualTo(i);
        }
        for (long i = 0; i < 100; i++) {
            assertThat(SPACE.decode(5, SPACE.gridPoint(5, i))).isEqualTo(i + 1.0);
        }
        assertThat(SPACE.gridPoint(6, 2)).isEqualTo(2.0);
    }

    @Property
    void everyDecodedValueLiesInItsDistribution(@ForAll @DoubleRange(min = -0.5, max = 1.5) double u) {
        for (int d = 0; d < SPACE.dimension(); d++) {
            double categoricalScaled = SPACE.isCategorical(d) ? u * 3 : u;
            double internal = SPACE.decode(d, categoricalScaled);
            assertThat(SPACE.distribution(d).contains(internal))
                    .as("%s decoded from %s gives %s", SPACE.names().get(d), categoricalScaled, internal)
                    .isTrue();
        }
    }

    @Property
    void snappedValuesAreFixedPoints(@ForAll @DoubleRange(min = 0, max = 1) double u) {
        for (int d = 0; d < SPACE.dimension(); d++) {
            double snapped = SPACE.isCategorical(d) ? SPACE.fromUnit(d, u) : SPACE.snap(d, u);
            assertThat(SPACE.encode(d, SPACE.decode(d, snapped)))
                    .as(SPACE.names().get(d))
                    .isCloseTo(snapped, within(1e-12));
        }
    }
}
