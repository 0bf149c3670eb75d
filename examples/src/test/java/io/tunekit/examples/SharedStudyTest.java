package io.tunekit.examples;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.storage.jdbc.JdbcStorage;
import io.tunekit.storage.jdbc.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(study.trials()).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
            assertThat(study.bestValue()).isLessThan(3);
        }
    }
}
