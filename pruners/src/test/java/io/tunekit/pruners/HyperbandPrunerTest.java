package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.StudyView;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.storage.InMemoryStorage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HyperbandPruner: its brackets and the bracket of each trial, computed independently with
 * Python Optuna 3.1 ({@code HyperbandPruner._try_initialization}, {@code _get_bracket_id}, i.e.
 * {@code binascii.crc32(f"{study_name}_{number}".encode())}), and the bracket's view of the study
 * that both the bracket's pruner and the sampler get.
 */
class HyperbandPrunerTest {

    /** Optuna: the brackets of max_resource=27, min_resource=1, reduction_factor=3, trials 0..19. */
    private static final String FIXTURE_BRACKETS = "30000210310313000201";

    @ParameterizedTest(name = "min={0} max={1} eta={2}: {3} brackets {4}")
    @CsvSource(delimiter = ';', textBlock = """
            1;  27;   3;  4; 27 12 6 4
            1;  81;   3;  5; 81 34 15 8 5
            1;  100;  3;  5; 81 34 15 8 5
            # log(243) / log(3) = 4.999999999999999 in doubles: 5 brackets, not 6
            1;  243;  3;  5; 81 34 15 8 5
            3;  729;  3;  5; 81 34 15 8 5
            2;  64;   4;  3; 16 6 3
            1;  1000; 10; 3; 100 15 3
            1;  1;    3;  1; 1
            """)
    void brackets_and_their_shares_match_optuna(int min, int max, int eta, int count, String shares) {
        assertThat(HyperbandPruner.bracketCount(min, max, eta)).isEqualTo(count);
        assertThat(HyperbandPruner.shares(count, eta))
                .containsExactly(Arrays.stream(shares.split(" "))
                        .mapToLong(Long::parseLong)
                        .toArray());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            fixture;   30000210310313000201
            lr-tuning; 00010000200201010101
            étude-ü;   00002010000100011220
            """)
    void a_trial_bracket_is_the_crc32_rule_of_optuna(String studyName, String bracketsOfTrials0To19) {
        long[] shares = {27, 12, 6, 4};
        StringBuilder brackets = new StringBuilder();
        for (int number = 0; number < 20; number++) {
            brackets.append(HyperbandPruner.bracketOf(studyName, number, shares));
        }

        assertThat(brackets).hasToString(bracketsOfTrials0To19);
    }

    @Test
    void the_sampler_of_a_trial_sees_only_the_trials_of_its_bracket() {
        RecordingSampler sampler = new RecordingSampler();
        Study study = Study.builder()
                .name(PrunerCase.STUDY_NAME)
                .sampler(sampler)
                .pruner(HyperbandPruner.builder().maxResource(27).build())
                .storage(new InMemoryStorage())
                .build();

        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", 0, 1);
                    for (int step = 0; step < 3; step++) {
                        trial.report(x, step);
                        if (trial.shouldPrune()) {
                            throw new io.tunekit.TrialPrunedException();
                        }
                    }
                    return x;
                },
                20);

        for (int number = 0; number < 20; number++) {
            char bracket = FIXTURE_BRACKETS.charAt(number);
            Set<Integer> expected = new TreeSet<>();
            for (int other = 0; other <= number; other++) {
                if (FIXTURE_BRACKETS.charAt(other) == bracket) {
                    expected.add(other);
                }
            }
            assertThat(sampler.seenWhenSampling.get(number))
                    .as("trial %d, bracket %s", number, bracket)
                    .isEqualTo(expected);
            assertThat(sampler.seenWhenTold.get(number))
                    .as("trial %d told", number)
                    .isEqualTo(expected);
        }
    }

    @Test
    void a_bracket_pruner_competes_only_with_its_bracket() {
        // Trials 0..2 of "fixture" fall in brackets 3, 0, 0. Bracket 0 is successive halving with
        // its first rung at step 1.
        Study study = Study.builder()
                .name(PrunerCase.STUDY_NAME)
                .pruner(new HyperbandPruner())
                .storage(new InMemoryStorage())
                .build();
        study.addTrial(FrozenTrial.builder()
                .values(0.0)
                .intermediateValue(0, 0.0)
                .intermediateValue(26, 0.0)
                .systemAttr("completed_rung_0", 0.0)
                .build()); // max resource: 26 + 1 = 27

        Trial second = study.ask(); // bracket 0: the only value at its rung, promoted
        second.report(0.5, 1);
        assertThat(second.shouldPrune()).isFalse();
        assertThat(second.snapshot().systemAttrs()).containsEntry("completed_rung_0", 0.5);

        Trial third = study.ask(); // bracket 0: competes with 0.5, not with trial 0's 0.0
        third.report(0.4, 1);
        assertThat(third.shouldPrune()).isFalse();
        Trial fourth = study.ask();
        fourth.report(0.45, 1);
        assertThat(fourth.shouldPrune())
                .as("0.45 is not the best of {0.5, 0.4, 0.45}")
                .isTrue();
    }

    @Test
    void nothing_is_pruned_or_filtered_before_a_trial_completes_with_automatic_max_resource() {
        RecordingSampler sampler = new RecordingSampler();
        Study study = Study.builder()
                .name(PrunerCase.STUDY_NAME)
                .sampler(sampler)
                .pruner(new HyperbandPruner())
                .storage(new InMemoryStorage())
                .build();
        for (int i = 0; i < 4; i++) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            t.report(Double.NaN, 5);
            assertThat(t.shouldPrune()).isFalse();
            study.tell(t, TrialState.PRUNED);
        }

        assertThat(sampler.seenWhenSampling.get(3)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void parallel_workers_share_one_pruner_and_each_trial_keeps_its_bracket_rungs() {
        HyperbandPruner pruner = new HyperbandPruner();
        Study study = Study.builder()
                .name(PrunerCase.STUDY_NAME)
                .pruner(pruner)
                .storage(new InMemoryStorage())
                .build();
        // The automatic max resource is known (27) from the first report on, so the four workers
        // race to set the brackets up, and every trial is judged from its first report.
        study.addTrial(
                FrozenTrial.builder().values(1.0).intermediateValue(26, 1.0).build());

        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", 0, 1);
                    for (int step = 0; step < 27; step++) {
                        trial.report(x + 1.0 / (step + 1), step);
                        if (trial.shouldPrune()) {
                            throw new io.tunekit.TrialPrunedException();
                        }
                    }
                    return x;
                },
                io.tunekit.OptimizeOptions.trials(60).parallelism(4));

        List<FrozenTrial> trials = study.trials();
        assertThat(trials)
                .hasSize(61)
                .allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED);
        assertThat(trials).anyMatch(t -> t.state() == TrialState.PRUNED);
        long[] shares = HyperbandPruner.shares(HyperbandPruner.bracketCount(1, 27, 3), 3);
        for (FrozenTrial t : trials) {
            // Bracket b's first rung is at step 3^b: a trial records no rung below it.
            int bracket = HyperbandPruner.bracketOf(PrunerCase.STUDY_NAME, t.number(), shares);
            int firstRung = (int) Math.pow(3, bracket);
            if (t.lastStep().orElse(-1) < firstRung) {
                assertThat(t.systemAttrs()).as("trial %d", t.number()).doesNotContainKey("completed_rung_0");
            } else {
                assertThat(t.systemAttrs()).as("trial %d", t.number()).containsKey("completed_rung_0");
            }
        }
    }

    @Test
    void rejects_options_that_break_their_rule() {
        assertThatThrownBy(() -> HyperbandPruner.builder().minResource(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minResource must be >= 1, got 0");
        assertThatThrownBy(() -> HyperbandPruner.builder().maxResource(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxResource must be >= 1, got 0");
        assertThatThrownBy(() ->
                        HyperbandPruner.builder().minResource(5).maxResource(4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxResource must be >= minResource, got maxResource=4 < minResource=5");
        assertThatThrownBy(() -> HyperbandPruner.builder().reductionFactor(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reductionFactor must be >= 2, got 1");
        assertThatThrownBy(() -> HyperbandPruner.builder()
                        .maxResource(9)
                        .bootstrapCount(-1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrapCount must be >= 0, got -1");
        assertThatThrownBy(() -> HyperbandPruner.builder().bootstrapCount(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapCount=1")
                .hasMessageContaining("automatic maxResource");
        assertThat(new HyperbandPruner())
                .hasToString("HyperbandPruner[minResource=1, maxResource=auto, reductionFactor=3, bootstrapCount=0]");
    }

    /** A random sampler that records which trial numbers its view of the study shows. */
    private static final class RecordingSampler implements Sampler {
        private final RandomSampler random = new RandomSampler(7);
        final Map<Integer, Set<Integer>> seenWhenSampling = new ConcurrentHashMap<>();
        final Map<Integer, Set<Integer>> seenWhenTold = new ConcurrentHashMap<>();

        @Override
        public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
            return Map.of();
        }

        @Override
        public Map<String, Double> sampleRelative(
                StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
            return Map.of();
        }

        @Override
        public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
            seenWhenSampling.put(trial.number(), numbers(study));
            return random.sampleIndependent(study, trial, name, distribution);
        }

        @Override
        public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
            seenWhenTold.put(trial.number(), numbers(study));
        }

        private static Set<Integer> numbers(StudyView study) {
            List<Integer> numbers = new ArrayList<>();
            study.trials().forEach(t -> numbers.add(t.number()));
            return new TreeSet<>(numbers);
        }
    }
}
