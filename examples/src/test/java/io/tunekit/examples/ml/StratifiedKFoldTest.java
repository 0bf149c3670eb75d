package io.tunekit.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {

    @Property(tries = 200)
    void everyRowIsValidatedOnceAndClassesStayBalanced(
            @ForAll @IntRange(min = 2, max = 10) int k,
            @ForAll @IntRange(min = 0, max = 60) int extraRows,
            @ForAll @IntRange(min = 2, max = 4) int classes,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Each class gets at least k rows, then the extra rows go to random classes.
        int[] labels = IntStream.concat(
                        IntStream.range(0, classes * k).map(i -> i % classes),
                        IntStream.range(0, extraRows).map(i -> random.nextInt(classes)))
                .toArray();
        List<StratifiedKFold.Fold> folds = StratifiedKFold.split(labels, k, seed);

        assertThat(folds).hasSize(k);
        int[] seen = new int[labels.length];
        for (StratifiedKFold.Fold fold : folds) {
            int[] all = IntStream.concat(Arrays.stream(fold.train()), Arrays.stream(fold.validation()))
                    .sorted()
                    .toArray();
            assertThat(all)
                    .as("train and validation partition the rows")
                    .isEqualTo(IntStream.range(0, labels.length).toArray());
            Arrays.stream(fold.validation()).forEach(i -> seen[i]++);
        }
        assertThat(seen).containsOnly(1);
        for (int c = 0; c < classes; c++) {
            int cls = c;
            long total = Arrays.stream(labels).filter(l -> l == cls).count();
            for (StratifiedKFold.Fold fold : folds) {
                long inFold = Arrays.stream(fold.validation())
                        .filter(i -> labels[i] == cls)
                        .count();
                assertThat(inFold).as("class %d in a fold", cls).isBetween(total / k, total / k + 1);
            }
        }
        int[] sizes = folds.stream().mapToInt(f -> f.validation().length).toArray();
        assertThat(Arrays.stream(sizes).max().getAsInt()
                        - Arrays.stream(sizes).min().getAsInt())
                .isLessThanOrEqualTo(1);
    }

    @Test
    void theSeedDecidesTheFolds() {
        int[] labels = IntStream.range(0, 100).map(i -> i % 3 == 0 ? 1 : 0).toArray();
        int[] first = StratifiedKFold.split(labels, 5, 7).get(0).validation();
        assertThat(StratifiedKFold.split(labels, 5, 7).get(0).validation()).isEqualTo(first);
        assertThat(StratifiedKFold.split(labels, 5, 8).get(0).validation()).isNotEqualTo(first);
    }

    @Test
    void rejectsTooFewFoldsOrRows() {
        assertThatThrownBy(() -> StratifiedKFold.split(new int[] {0, 1, 0, 1}, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k=1");
        assertThatThrownBy(() -> StratifiedKFold.split(new int[] {0, 0, 0, 1, 1}, 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class 1 has only 2 rows");
    }
}
