package io.tunekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one equality rule for JSON values, and its tolerant form for enqueued parameters. */
class JsonValuesTest {

    @Test
    void numbersCompareByValueAndNanEqualsNan() {
        assertThat(JsonValues.sameValue(1, 1L)).isTrue();
        assertThat(JsonValues.sameValue(1, 1.0)).isTrue();
        assertThat(JsonValues.sameValue(1.5f, 1.5)).isTrue();
        assertThat(JsonValues.sameValue(Double.NaN, Double.NaN)).isTrue();
        assertThat(JsonValues.sameValue(0.0, -0.0)).isTrue();
        assertThat(JsonValues.sameValue(1, 1.0000001)).isFalse();
        assertThat(JsonValues.sameValue(Long.MAX_VALUE, Long.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void booleansAreNeverNumbersAndNullIsItself() {
        assertThat(JsonValues.sameValue(true, 1)).isFalse();
        assertThat(JsonValues.sameValue(null, null)).isTrue();
        assertThat(JsonValues.sameValue(null, 0)).isFalse();
        assertThat(JsonValues.sameValue("a", "a")).isTrue();
    }

    @Test
    void collectionsCompareDeeplyAndMapsIgnoreOrder() {
        assertThat(JsonValues.sameValue(List.of(1, Map.of("a", 2.0)), List.of(1.0, Map.of("a", 2))))
                .isTrue();
        assertThat(JsonValues.sameValue(Map.of("a", 1, "b", 2), Map.of("b", 2, "a", 1)))
                .isTrue();
        assertThat(JsonValues.sameValue(List.of(1, 2), List.of(2, 1))).isFalse();
        assertThat(JsonValues.sameValue(Map.of("a", 1), Map.of("b", 1))).isFalse();
    }

    @Test
    void closeValueAllowsARelativeToleranceOfOneInAHundredThousand() {
        assertThat(JsonValues.closeValue(1.0, 1.000001)).isTrue();
        assertThat(JsonValues.closeValue(1.0, 1.001)).isFalse();
        assertThat(JsonValues.closeValue(Map.of("x", 0.1 + 0.2, "c", "a"), Map.of("x", 0.3, "c", "a")))
                .isTrue();
        assertThat(JsonValues.closeValue(Map.of("x", 0.3, "c", "a"), Map.of("x", 0.3, "c", "b")))
                .isFalse();
        assertThat(JsonValues.closeValue(true, 1)).isFalse();
    }

    @Test
    void hashIsConsistentWithSameValueForNumbers() {
        assertThat(JsonValues.hash(1)).isEqualTo(JsonValues.hash(1.0)).isEqualTo(JsonValues.hash(1L));
    }

    @Test
    void copyNormalisesIntegersAndRejectsWhatJsonCannotHold() {
        assertThat(JsonValues.copy(3L)).isEqualTo(3);
        assertThat(JsonValues.copy(1L << 40)).isEqualTo(1L << 40);
        assertThat(JsonValues.copy(2.5f)).isEqualTo(2.5);
        List<Object> mutable = new ArrayList<>(List.of(1));
        Object copy = JsonValues.copy(mutable);
        mutable.add(2);
        assertThat(copy).isEqualTo(List.of(1));
        assertThatThrownBy(() -> JsonValues.copy(Map.of(1, "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a String");
        assertThatThrownBy(() -> JsonValues.copy(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not JSON");
    }
}
