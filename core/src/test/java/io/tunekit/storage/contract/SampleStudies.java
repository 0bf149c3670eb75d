package io.tunekit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialPrunedException;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import java.util.List;
import java.util.Map;

/**
 * A study with a trial in every state and every kind of field, for study management tests here
 * and in the storage module (through core's test-jar, in this package: the storage module's
 * tests cannot compile against the test-jar's {@code io.tunekit} package, which is split from
 * the named module io.tunekit.core).
 */
public final class SampleStudies {

    private SampleStudies() {}

    /**
     * Seven trials: COMPLETE ones, one PRUNED, one FAIL and one WAITING (enqueued); parameters of
     * two kinds, intermediate values, user attributes, a study user attribute.
     */
    public static Study sampleStudy(Storage storage, String name) {
        Study study = Study.builder()
                .name(name)
                .direction(Direction.MAXIMIZE)
                .storage(storage)
                .sampler(new RandomSampler(3))
                .build();
        study.setUserAttr("owner", "me");
        study.optimize(
                t -> {
                    double x = t.suggestFloat("x", 0, 1);
                    t.suggest("c", CategoricalDistribution.of("a", 2, null));
                    t.report(x, 0);
                    t.setUserAttr("u", List.of(1, 2));
                    if (t.number() == 1) {
                        throw new TrialPrunedException();
                    }
                    if (t.number() == 2) {
                        throw new IllegalStateException("boom");
                    }
                    return x;
                },
                OptimizeOptions.trials(6).catching(IllegalStateException.class));
        study.enqueueTrial(Map.of("x", 0.5));
        return study;
    }

    /** The copies hold the same trials, field by field (ids and exact times may differ). */
    public static void assertSameTrials(List<FrozenTrial> expected, List<FrozenTrial> actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            FrozenTrial e = expected.get(i);
            FrozenTrial a = actual.get(i);
            assertThat(a.number()).isEqualTo(e.number());
            assertThat(a.state()).isEqualTo(e.state());
            assertThat(a.values()).isEqualTo(e.values());
            assertThat(a.params()).isEqualTo(e.params());
            assertThat(a.distributions()).isEqualTo(e.distributions());
            assertThat(a.userAttrs()).isEqualTo(e.userAttrs());
            assertThat(a.systemAttrs()).isEqualTo(e.systemAttrs());
            assertThat(a.intermediateValues()).isEqualTo(e.intermediateValues());
            assertThat(a.datetimeStart() == null).isEqualTo(e.datetimeStart() == null);
        }
    }
}
