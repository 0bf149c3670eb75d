package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import org.junit.jupiter.api.Test;

/** Distributions as Optuna's distribution_json column holds them. */
class DistributionJsonTest {

    @Test
    void writesOptunasExactText() {
        // The strings Optuna's distribution_to_json writes (docs/semantics.md §2).
        assertThat(DistributionJson.toJson(FloatDistribution.of(-1, 1)))
                .isEqualTo(
                        "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": -1.0, \"high\": 1.0, \"log\": false}}");
        assertThat(DistributionJson.toJson(FloatDistribution.stepped(0, 1, 0.25)))
                .isEqualTo(
                        "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": 0.25, \"low\": 0.0, \"high\": 1.0, \"log\": false}}");
        assertThat(DistributionJson.toJson(IntDistribution.logScale(1, 10)))
                .isEqualTo(
                        "{\"name\": \"IntDistribution\", \"attributes\": {\"log\": true, \"step\": 1, \"low\": 1, \"high\": 10}}");
        assertThat(DistributionJson.toJson(CategoricalDistribution.of("a", null, 2.5)))
                .isEqualTo(
                        "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"a\", null, 2.5]}}");
        assertThat(DistributionJson.toJson(FloatDistribution.logScale(1e-5, 0.1)))
                .isEqualTo(
                        "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 1e-05, \"high\": 0.1, \"log\": true}}");
    }

    @Test
    void categoricalChoicesKeepTheirJsonType() {
        assertThat(DistributionJson.toJson(CategoricalDistribution.of(1, true)))
                .isEqualTo("{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [1, true]}}");
        assertThat(DistributionJson.toJson(CategoricalDistribution.of(1.0, false)))
                .isEqualTo("{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [1.0, false]}}");
        Distribution back = DistributionJson.fromJson(DistributionJson.toJson(CategoricalDistribution.of(1, "x", 2.0)));
        assertThat(((CategoricalDistribution) back).choices()).containsExactly(1, "x", 2.0);
    }

    @Test
    void roundTripsEveryKind() {
        for (Distribution d : new Distribution[] {
            FloatDistribution.of(-3.5, 7),
            FloatDistribution.logScale(1e-8, 1e3),
            FloatDistribution.stepped(0, 10, 0.5),
            IntDistribution.of(-4, 4),
            IntDistribution.stepped(1, 9, 2),
            IntDistribution.logScale(8, 1024),
            CategoricalDistribution.of("relu", null, 2.5, true, 3)
        }) {
            assertThat(DistributionJson.fromJson(DistributionJson.toJson(d))).isEqualTo(d);
        }
    }

    @Test
    void readsLegacyNames() {
        assertThat(DistributionJson.fromJson(
                        "{\"name\": \"UniformDistribution\", \"attributes\": {\"low\": 0.0, \"high\": 2.0}}"))
                .isEqualTo(FloatDistribution.of(0, 2));
        assertThat(DistributionJson.fromJson(
                        "{\"name\": \"LogUniformDistribution\", \"attributes\": {\"low\": 0.001, \"high\": 1.0}}"))
                .isEqualTo(FloatDistribution.logScale(0.001, 1));
        assertThat(
                        DistributionJson.fromJson(
                                "{\"name\": \"DiscreteUniformDistribution\", \"attributes\": {\"low\": 0.0, \"high\": 1.0, \"q\": 0.5}}"))
                .isEqualTo(FloatDistribution.stepped(0, 1, 0.5));
        assertThat(
                        DistributionJson.fromJson(
                                "{\"name\": \"IntUniformDistribution\", \"attributes\": {\"step\": 3, \"low\": 0, \"high\": 9}}"))
                .isEqualTo(IntDistribution.stepped(0, 9, 3));
        assertThat(
                        DistributionJson.fromJson(
                                "{\"name\": \"IntLogUniformDistribution\", \"attributes\": {\"step\": 1, \"low\": 1, \"high\": 64}}"))
                .isEqualTo(IntDistribution.logScale(1, 64));
    }

    @Test
    void readsTheAbbreviatedForm() {
        assertThat(DistributionJson.fromJson("{\"type\": \"float\", \"low\": 0, \"high\": 1, \"log\": false}"))
                .isEqualTo(FloatDistribution.of(0, 1));
        assertThat(DistributionJson.fromJson("{\"type\": \"int\", \"low\": 1, \"high\": 5}"))
                .isEqualTo(IntDistribution.of(1, 5));
        assertThat(DistributionJson.fromJson("{\"type\": \"categorical\", \"choices\": [\"a\", \"b\"]}"))
                .isEqualTo(CategoricalDistribution.of("a", "b"));
    }

    @Test
    void unknownDistributionsAreClearErrors() {
        assertThatThrownBy(() -> DistributionJson.fromJson("{\"name\": \"BetaDistribution\", \"attributes\": {}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BetaDistribution");
        assertThatThrownBy(() -> DistributionJson.fromJson("{\"name\": \"IntDistribution\", \"attributes\": "
                        + "{\"log\": false, \"step\": 1, \"low\": 0, \"high\": 1e12}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an int");
    }
}
