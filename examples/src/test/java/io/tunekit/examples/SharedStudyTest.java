package io.tunekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.storage.jdbc.JdbcStorage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedStudyTest {

    @TempDir
    Path dir;

    @Test
    void secondRunJoinsTheStudyInTheFile() {
        String url = "sqlite:" + dir.resolve("tunekit.db");
        try (JdbcStorage storage = Storages.open(url)) {
            SharedStudy.run(storage, 30);
        }
        try (JdbcStorage storage = Storages.open(url)) {
            Study study = SharedStudy.run(storage, 20);
            assertThat(study.trials())
                    .extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
            // Unseeded random search: which value is best is chance (50 draws miss f < 3 in about
            // 1.6% of runs), but the best must be the minimum over both runs' trials.
            double minimum = study.trials().stream()
                    .mapToDouble(FrozenTrial::value)
                    .min()
                    .orElseThrow();
            assertThat(study.bestValue()).isEqualTo(minimum);
        }
    }
}
