package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every distribution check and enqueue mismatch names the parameter, the value and the rule. */
class ParameterErrorsTest {

    private final Study study = Study.builder().build();
    private final Trial trial = study.ask();

    @Test
    void floatRanges() {
        assertThatThrownBy(() -> trial.suggestLogFloat("lr", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lr: low=0.0 must be > 0 when log=true");
        assertThatThrownBy(() -> trial.suggestFloat("x", 2, 1)).hasMessage("x: low=2.0 must be <= high=1.0");
        assertThatThrownBy(() -> trial.suggestFloat("x", 0, 1, 0))
                .hasMessage("x: step=0.0 must be a finite number > 0");
        assertThatThrownBy(() -> trial.suggestFloat("x", Double.NaN, 1)).hasMessage("x: low=NaN must be finite");
        assertThatThrownBy(() -> trial.suggestFloat("x", 0, Double.POSITIVE_INFINITY))
                .hasMessage("x: high=Infinity must be finite");
    }

    @Test
    void intRanges() {
        assertThatThrownBy(() -> trial.suggestInt("n", 5, 4)).hasMessage("n: low=5 must be <= high=4");
        assertThatThrownBy(() -> trial.suggestLogInt("units", 0, 64))
                .hasMessage("units: low=0 must be >= 1 when log=true");
        assertThatThrownBy(() -> trial.suggestInt("n", 0, 4, 0)).hasMessage("n: step=0 must be > 0");
    }

    @Test
    void enqueuedValuesThatDoNotFit() {
        study.enqueueTrial(Map.of("optimizer", "sgd", "lr", "fast", "n", -1.0));
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestCategorical("optimizer", List.of("adam", "rmsprop")))
                .hasMessageStartingWith(
                        "optimizer: the enqueued value sgd is not one of the choices [adam, rmsprop] (the objective"
                                + " suggests CategoricalDistribution");
        assertThatThrownBy(() -> t.suggestFloat("lr", 0, 1))
                .hasMessageStartingWith("lr: the enqueued value fast is not a number");
        assertThatThrownBy(() -> t.suggestLogInt("n", 1, 8))
                .hasMessageStartingWith("n: the enqueued value -1.0 must be > 0 on a log scale");
        assertThat(t.params()).isEmpty();
    }

    @Test
    void aNameReusedWithAnotherKindNamesIt() {
        trial.suggestFloat("x", 0, 1);
        assertThatThrownBy(() -> trial.suggestInt("x", 0, 1)).hasMessageContaining("'x'");
    }
}
