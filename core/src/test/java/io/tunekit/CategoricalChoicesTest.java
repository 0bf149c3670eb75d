package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.distribution.CategoricalDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Categorical choices the Java way: enums, typed lists, floats and nulls. */
class CategoricalChoicesTest {

    enum Optimizer {
        SGD,
        ADAM,
        RMSPROP
    }

    private final Study study = Study.builder().build();

    @Test
    void anEnumClassGivesAConstantStoredAsItsName() {
        Trial t = study.ask();
        Optimizer chosen = t.suggestCategorical("optimizer", Optimizer.class);
        assertThat(t.suggestCategorical("optimizer", Optimizer.class)).isSameAs(chosen);
        FrozenTrial stored = t.snapshot();
        assertThat(stored.params()).containsEntry("optimizer", chosen.name());
        assertThat(stored.distributions().get("optimizer"))
                .isEqualTo(CategoricalDistribution.of("SGD", "ADAM", "RMSPROP"));
    }

    @Test
    void aListOfEnumConstantsWorksTheSameAndEnqueueTakesConstants() {
        study.enqueueTrial(Map.of("optimizer", Optimizer.RMSPROP));
        Trial t = study.ask();
        Optimizer chosen = t.suggestCategorical("optimizer", List.of(Optimizer.ADAM, Optimizer.RMSPROP));
        assertThat(chosen).isEqualTo(Optimizer.RMSPROP);
        assertThat(t.snapshot().params()).containsEntry("optimizer", "RMSPROP");
        study.tell(t, 1.0);
        Trial again = study.ask();
        study.enqueueTrial(Map.of("optimizer", Optimizer.ADAM), Map.of(), true);
        assertThat(study.trials()).hasSize(3);
        study.enqueueTrial(Map.of("optimizer", Optimizer.RMSPROP), Map.of(), true);
        assertThat(study.trials()).as("RMSPROP was tried: not enqueued again").hasSize(3);
        assertThat(again.suggestCategorical("optimizer", List.of(Optimizer.ADAM, Optimizer.RMSPROP)))
                .isIn(Optimizer.ADAM, Optimizer.RMSPROP);
    }

    @Test
    void aTypedListReturnsItsElementTypeWithoutCasts() {
        Trial t = study.ask();
        int units = t.suggestCategorical("units", List.of(32, 64, 128));
        long big = t.suggestCategorical("big", List.of(1L << 40, 1L << 41));
        String act = t.suggestCategorical("act", List.of("relu", "tanh"));
        assertThat(units).isIn(32, 64, 128);
        assertThat(big).isIn(1L << 40, 1L << 41);
        assertThat(act).isIn("relu", "tanh");
    }

    @Test
    void floatChoicesAreStoredAsDoublesAndReturnedAsTheListsFloats() {
        Trial t = study.ask();
        Float rate = t.suggestCategorical("rate", List.of(0.5f, 0.25f));
        assertThat(rate).isIn(0.5f, 0.25f);
        assertThat(t.snapshot().params().get("rate")).isInstanceOf(Double.class).isEqualTo((double) rate);
    }

    @Test
    void choicesWrittenOutMayIncludeNull() {
        study.enqueueTrial(java.util.Collections.singletonMap("norm", null));
        Trial t = study.ask();
        String norm = t.suggestCategorical("norm", "batch", "layer", null);
        assertThat(norm).isNull();
        assertThat(t.snapshot().params()).containsEntry("norm", null);
        Integer depth = study.ask().suggestCategorical("depth", 2, 4, 8);
        assertThat(depth).isIn(2, 4, 8);
    }

    @Test
    void badChoiceListsNameTheParameter() {
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestCategorical("units", List.of()))
                .hasMessage("units: choices must not be empty");
        assertThatThrownBy(() -> t.suggestCategorical("x", List.of(1, 1.0)))
                .hasMessage("x: choice 1.0 appears more than once in [1, 1.0]");
        assertThatThrownBy(() -> t.suggestCategorical("obj", List.of(new Object())))
                .hasMessageStartingWith("obj: choice java.lang.Object@")
                .hasMessageContaining("is not supported");
    }
}
