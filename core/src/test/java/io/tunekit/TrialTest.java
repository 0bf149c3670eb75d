package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialTest {

    private final RecordingSampler sampler = new RecordingSampler();
    private final Study study =
            Study.builder().name("trial-test").sampler(sampler).build();

    @Test
    void suggestionsAreInTheirDistributionAndStored() {
        Trial t = study.ask();
        double x = t.suggestFloat("x", -1, 1);
        double s = t.suggestFloat("s", 0, 1, 0.25);
        double lr = t.suggestLogFloat("lr", 1e-5, 1);
        int n = t.suggestInt("n", 1, 9, 2);
        int u = t.suggestLogInt("u", 8, 1024);
        int d = t.suggestInt("d", 0, 3);
        Boolean flag = t.suggestCategorical("flag", List.of(true, false));
        assertThat(x).isBetween(-1.0, 1.0);
        assertThat(s * 4).isEqualTo(Math.rint(s * 4));
        assertThat(lr).isBetween(1e-5, 1.0);
        assertThat(n % 2).isEqualTo(1);
        assertThat(u).isBetween(8, 1024);
        assertThat(d).isBetween(0, 3);
        assertThat(flag).isNotNull();
        FrozenTrial stored = t.snapshot();
        assertThat(stored.params()).containsExactlyEntriesOf(t.params());
        assertThat(stored.params().keySet()).containsExactly("x", "s", "lr", "n", "u", "d", "flag");
        assertThat(stored.distributions().get("n")).isEqualTo(IntDistribution.stepped(1, 9, 2));
    }

    @Test
    void theSameNameReturnsTheFirstValue() {
        Trial t = study.ask();
        double first = t.suggestFloat("x", 0, 1);
        assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(first);
        assertThat(t.suggestFloat("x", 5, 6))
                .as("a changed range still returns the first value")
                .isEqualTo(first);
        String c = t.suggestCategorical("c", List.of("a", "b"));
        assertThat(t.suggestCategorical("c", List.of("a", "b"))).isEqualTo(c);
        assertThat(sampler.calls.stream().filter(s -> s.startsWith("independent")))
                .hasSize(2);
    }

    @Test
    void aNameReusedWithAnotherKindIsAnError() {
        Trial t = study.ask();
        t.suggestFloat("x", 0, 1);
        t.suggestCategorical("c", List.of("a", "b"));
        assertThatThrownBy(() -> t.suggestInt("x", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different distribution kind");
        assertThatThrownBy(() -> t.suggestLogFloat("x", 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different log configuration");
        assertThatThrownBy(() -> t.suggestCategorical("c", List.of("a", "z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dynamic value space");
        assertThat(t.snapshot().params()).hasSize(2);
    }

    @Test
    void acrossTrialsARangeMayChangeButNotTheKind() {
        Trial a = study.ask();
        a.suggestFloat("x", 0, 1);
        study.tell(a, 1.0);
        Trial b = study.ask();
        assertThat(b.suggestFloat("x", 10, 20)).isBetween(10.0, 20.0);
        Trial c = study.ask();
        assertThatThrownBy(() -> c.suggestInt("x", 0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different distribution kind");
        assertThat(c.snapshot().params()).isEmpty();
    }

    @Test
    void singleValuedDistributionsNeedNoSampler() {
        Trial t = study.ask();
        assertThat(t.suggestFloat("x", 2, 2)).isEqualTo(2.0);
        assertThat(t.suggestInt("n", 0, 2, 5)).isZero();
        assertThat(t.suggestCategorical("c", List.of("only"))).isEqualTo("only");
        assertThat(sampler.calls).containsExactly("before:0");
    }

    @Test
    void relativeSamplingRunsOncePerTrialAtTheFirstSuggestion() {
        sampler.relativeSpace = Map.of("x", FloatDistribution.of(0, 1), "c", CategoricalDistribution.of("a", "b"));
        sampler.relativeValues = Map.of("x", 0.25, "c", 1.0);
        Trial t = study.ask();
        assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(0.25);
        assertThat(t.suggestCategorical("c", List.of("a", "b"))).isEqualTo("b");
        t.suggestFloat("y", 0, 1);
        assertThat(sampler.calls).containsExactly("before:0", "infer:0", "relative:0", "independent:0:y");
    }

    @Test
    void aRelativeValueOutsideTheNewRangeFallsBackToIndependentSampling() {
        sampler.relativeSpace = Map.of("x", FloatDistribution.of(0, 1));
        sampler.relativeValues = Map.of("x", 0.25);
        Trial t = study.ask();
        assertThat(t.suggestFloat("x", 0.5, 1)).isBetween(0.5, 1.0);
        assertThat(sampler.calls).contains("independent:0:x");
    }

    @Test
    void aRelativeValueOfAnIncompatibleKindIsAnError() {
        sampler.relativeSpace = Map.of("x", FloatDistribution.of(0, 1));
        sampler.relativeValues = Map.of("x", 0.0);
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestInt("x", 0, 1)).hasMessageContaining("different distribution kind");
    }

    @Test
    void enqueuedValuesAreUsedAsGiven() {
        study.enqueueTrial(Map.of("x", 0.125, "c", "b", "n", 7));
        Trial t = study.ask();
        assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(0.125);
        assertThat(t.suggestCategorical("c", List.of("a", "b"))).isEqualTo("b");
        assertThat(t.suggestInt("n", 0, 5))
                .as("out of range: used with a warning")
                .isEqualTo(7);
        assertThat(t.suggestFloat("free", 0, 1)).isBetween(0.0, 1.0);
        assertThat(sampler.calls).containsExactly("before:0", "infer:0", "relative:0", "independent:0:free");
        Trial next = study.ask();
        assertThat(next.number()).isEqualTo(1);
    }

    @Test
    void anEnqueuedChoiceThatIsNotAChoiceIsAnError() {
        study.enqueueTrial(Map.of("c", "z"));
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestCategorical("c", List.of("a", "b")))
                .hasMessageContaining("value z is not one of the choices");
    }

    @Test
    void reportKeepsTheFirstValueOfAStep() {
        Trial t = study.ask();
        t.report(0.5, 0);
        t.report(0.4, 3);
        t.report(99, 3);
        assertThat(t.snapshot().intermediateValues()).containsExactly(Map.entry(0, 0.5), Map.entry(3, 0.4));
        assertThatThrownBy(() -> t.report(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step=-1 must be >= 0");
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void reportAndShouldPruneAreForSingleObjectiveStudies() {
        Study multi = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .build();
        Trial t = multi.ask();
        assertThatThrownBy(() -> t.report(1, 0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(t::shouldPrune).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constraintsAndUserAttributes() {
        Trial t = study.ask();
        t.setConstraint("memory", 2.5);
        t.setConstraint("memory", -1);
        t.setConstraint("time", -0.5);
        t.setUserAttr("note", Map.of("k", List.of(1, 2)));
        assertThatThrownBy(() -> t.setConstraint("bad", Double.NaN)).hasMessageContaining("must not be NaN");
        assertThatThrownBy(() -> t.setUserAttr("bad", new Object())).hasMessageContaining("not JSON");
        assertThat(t.constraints()).containsExactly(Map.entry("memory", 2.5), Map.entry("time", -0.5));
        assertThat(t.userAttrs()).containsEntry("note", Map.of("k", List.of(1, 2)));
        FrozenTrial told = study.tell(t, 1.0);
        assertThat(told.isFeasible()).isFalse();
        assertThat(told.constraintViolation()).isEqualTo(2.5);
    }

    @Test
    void aToldTrialCannotBeChanged() {
        Trial t = study.ask();
        study.tell(t, 1.0);
        assertThatThrownBy(() -> t.suggestFloat("x", 0, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already finished");
        assertThatThrownBy(() -> t.report(1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void askWithFixedDistributionsSuggestsThemAtOnce() {
        Trial t = study.ask(Map.of("x", FloatDistribution.of(0, 1), "n", IntDistribution.of(1, 3)));
        assertThat(t.params()).containsOnlyKeys("x", "n");
        assertThat(t.snapshot().params()).containsOnlyKeys("x", "n");
    }
}
