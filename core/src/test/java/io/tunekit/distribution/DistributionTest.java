package io.tunekit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void floatValidationNamesTheValueAndTheRule() {
        assertThatThrownBy(() -> FloatDistribution.of(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low=2.0 must be <= high=1.0");
        assertThatThrownBy(() -> FloatDistribution.logScale(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low=0.0 must be > 0 when log=true");
        assertThatThrownBy(() -> FloatDistribution.logScale(-1, 1)).hasMessageContaining("low=-1.0");
        assertThatThrownBy(() -> new FloatDistribution(1, 2, 0.5, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step=0.5 and log=true");
        assertThatThrownBy(() -> FloatDistribution.stepped(0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step=0.0 must be");
        assertThatThrownBy(() -> FloatDistribution.stepped(0, 1, -0.1)).hasMessageContaining("step=-0.1");
        assertThatThrownBy(() -> FloatDistribution.of(Double.NaN, 1)).hasMessageContaining("low=NaN must be finite");
        assertThatThrownBy(() -> FloatDistribution.of(0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("high=Infinity");
    }

    @Test
    void intValidationNamesTheValueAndTheRule() {
        assertThatThrownBy(() -> IntDistribution.of(5, 4)).hasMessageContaining("low=5 must be <= high=4");
        assertThatThrownBy(() -> IntDistribution.logScale(0, 4))
                .hasMessageContaining("low=0 must be >= 1 when log=true");
        assertThatThrownBy(() -> new IntDistribution(1, 9, 2, true))
                .hasMessageContaining("step=2 must be 1 when log=true");
        assertThatThrownBy(() -> IntDistribution.stepped(0, 4, 0)).hasMessageContaining("step=0 must be > 0");
        assertThatThrownBy(() -> IntDistribution.stepped(0, 4, -2)).hasMessageContaining("step=-2");
    }

    @Test
    void highIsLoweredToTheStepGrid() {
        assertThat(FloatDistribution.stepped(0, 1, 0.3).high()).isEqualTo(0.9);
        assertThat(FloatDistribution.stepped(0, 1, 0.25).high()).isEqualTo(1.0);
        assertThat(FloatDistribution.stepped(0.1, 0.7, 0.2).high()).isEqualTo(0.7);
        assertThat(FloatDistribution.stepped(-1, 1, 0.7).high()).isEqualTo(0.4);
        assertThat(IntDistribution.stepped(0, 10, 3).high()).isEqualTo(9);
        assertThat(IntDistribution.stepped(-5, 5, 4).high()).isEqualTo(3);
        assertThat(IntDistribution.stepped(0, 10, 5).high()).isEqualTo(10);
    }

    @Test
    void containsChecksRangeAndGrid() {
        FloatDistribution stepped = FloatDistribution.stepped(0, 1, 0.25);
        assertThat(stepped.contains(0.5)).isTrue();
        assertThat(stepped.contains(0.3)).isFalse();
        assertThat(stepped.contains(1.25)).isFalse();
        assertThat(FloatDistribution.of(0, 1).contains(1.0)).isTrue();
        assertThat(FloatDistribution.of(0, 1).contains(-1e-9)).isFalse();
        IntDistribution ints = IntDistribution.stepped(1, 9, 2);
        assertThat(ints.contains(3)).isTrue();
        assertThat(ints.contains(4)).isFalse();
        assertThat(ints.contains(3.5)).isFalse();
        assertThat(ints.contains(11)).isFalse();
        CategoricalDistribution c = CategoricalDistribution.of("a", "b");
        assertThat(c.contains(1)).isTrue();
        assertThat(c.contains(2)).isFalse();
        assertThat(c.contains(-1)).isFalse();
    }

    @Test
    void singleValuedDistributions() {
        assertThat(FloatDistribution.of(1, 1).isSingle()).isTrue();
        assertThat(FloatDistribution.of(1, 2).isSingle()).isFalse();
        assertThat(FloatDistribution.stepped(0, 0.2, 0.3).isSingle()).isTrue();
        assertThat(IntDistribution.stepped(0, 2, 3).isSingle()).isTrue();
        assertThat(IntDistribution.of(3, 3).isSingle()).isTrue();
        assertThat(IntDistribution.logScale(3, 4).isSingle()).isFalse();
        assertThat(CategoricalDistribution.of("only").isSingle()).isTrue();
        assertThat(CategoricalDistribution.of("only").singleValue()).isZero();
        assertThat(IntDistribution.of(3, 3).singleValue()).isEqualTo(3);
    }

    @Test
    void internalRepresentation() {
        assertThat(FloatDistribution.of(0, 1).toInternal(0.5)).isEqualTo(0.5);
        assertThat(FloatDistribution.of(0, 10).toInternal(3)).isEqualTo(3.0);
        assertThat(IntDistribution.of(0, 10).toInternal(7)).isEqualTo(7.0);
        assertThat(IntDistribution.of(0, 10).toExternal(7.0)).isEqualTo(7);
        CategoricalDistribution c = CategoricalDistribution.of("a", null, 2.5, true, 7L);
        assertThat(c.toInternal(null)).isEqualTo(1.0);
        assertThat(c.toInternal(2.5)).isEqualTo(2.0);
        assertThat(c.toInternal(true)).isEqualTo(3.0);
        assertThat(c.toInternal(7)).isEqualTo(4.0);
        assertThat(c.toExternal(0)).isEqualTo("a");
        assertThat(c.toExternal(4)).isEqualTo(7L);
        assertThatThrownBy(() -> c.toInternal("z")).hasMessageContaining("value z is not one of the choices");
        assertThatThrownBy(() -> c.toExternal(5)).hasMessageContaining("not a choice index");
        assertThatThrownBy(() -> FloatDistribution.of(0, 1).toInternal(Double.NaN))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> FloatDistribution.logScale(1, 2).toInternal(-1.0))
                .hasMessageContaining("> 0 on a log scale");
        assertThatThrownBy(() -> FloatDistribution.of(0, 1).toInternal("x"))
                .hasMessageContaining("value x is not a number");
        assertThatThrownBy(() -> IntDistribution.of(0, 1).toInternal(true)).hasMessageContaining("not a number");
    }

    @Test
    void categoricalChoicesAreValidated() {
        assertThatThrownBy(() -> new CategoricalDistribution(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choices must not be empty");
        assertThatThrownBy(() -> CategoricalDistribution.of("a", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object is not supported");
        assertThatThrownBy(() -> CategoricalDistribution.of(1, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appears more than once");
        assertThatThrownBy(() -> CategoricalDistribution.of("a", "a"))
                .hasMessageContaining("choice a appears more than once");
        assertThat(CategoricalDistribution.of(true, 1).choices()).containsExactly(true, 1);
    }

    @Test
    void equalityComparesByValue() {
        assertThat(FloatDistribution.of(0, 1)).isEqualTo(new FloatDistribution(0, 1, null, false));
        assertThat(FloatDistribution.of(0, 1)).isNotEqualTo(FloatDistribution.logScale(0.1, 1));
        assertThat(CategoricalDistribution.of(1, "a"))
                .isEqualTo(CategoricalDistribution.of(1L, "a"))
                .hasSameHashCodeAs(CategoricalDistribution.of(1.0, "a"));
        assertThat(CategoricalDistribution.of(Double.NaN)).isEqualTo(CategoricalDistribution.of(Double.NaN));
        assertThat(CategoricalDistribution.of("a", "b")).isNotEqualTo(CategoricalDistribution.of("b", "a"));
        assertThat(new CategoricalDistribution(Arrays.asList(null, "x")))
                .isEqualTo(CategoricalDistribution.of(null, "x"));
    }

    @Test
    void compatibilityAllowsRangeChangesOnly() {
        Distribution.requireCompatible("x", FloatDistribution.of(0, 1), FloatDistribution.of(-5, 5));
        Distribution.requireCompatible("x", FloatDistribution.of(0, 1), FloatDistribution.stepped(0, 1, 0.1));
        Distribution.requireCompatible("n", IntDistribution.of(0, 1), IntDistribution.stepped(0, 10, 2));
        assertThatThrownBy(
                        () -> Distribution.requireCompatible("x", FloatDistribution.of(0, 1), IntDistribution.of(0, 1)))
                .hasMessageContaining("Cannot set different distribution kind")
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> Distribution.requireCompatible(
                        "x", FloatDistribution.of(1, 2), FloatDistribution.logScale(1, 2)))
                .hasMessageContaining("different log configuration");
        assertThatThrownBy(() ->
                        Distribution.requireCompatible("n", IntDistribution.of(1, 2), IntDistribution.logScale(1, 2)))
                .hasMessageContaining("different log configuration");
        assertThatThrownBy(() -> Distribution.requireCompatible(
                        "c", CategoricalDistribution.of("a"), CategoricalDistribution.of("b")))
                .hasMessageContaining("does not support dynamic value space");
    }
}
