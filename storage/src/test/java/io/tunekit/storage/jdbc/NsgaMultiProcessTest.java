package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * NSGA-II's generations across real JVMs on one SQLite file: four {@link StorageWorker}
 * processes (mode {@code nsga2}, population 10, no mutation, each with its own seed) released at
 * once run 30 trials each. Every place of every generation goes to exactly one trial, each
 * generation's parents are stored once, and every child is made from the stored parents.
 */
@Timeout(240)
class NsgaMultiProcessTest {

    private static final String GENERATION = "NSGAIISampler:generation";
    private static final String PARENT = "NSGAIISampler:parent:";
    private static final String PLACE = "tunekit:NSGAIISampler:place";

    @TempDir
    Path dir;

    @Test
    void fourProcessesFillEachGenerationOnceAndBreedFromTheStoredParents() throws Exception {
        String url = "sqlite:" + dir.resolve("nsga.db");
        Workers workers = new Workers(dir);
        for (int i = 0; i < 4; i++) {
            workers.start("mode=nsga2", "url=" + url, "study=nsga", "trials=30");
        }
        workers.releaseAll();
        assertThat(workers.awaitAll(Duration.ofSeconds(180)))
                .as(workers.allStderr())
                .containsOnly(0);
        try (JdbcStorage storage = Storages.open(url)) {
            long study = storage.findStudy("nsga").orElseThrow();
            List<FrozenTrial> trials = storage.trials(study, EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(120).allMatch(t -> t.state() == TrialState.COMPLETE);
            assertThat(trials.stream()
                            .map(t -> ((Number) t.systemAttrs().get(PLACE)).intValue())
                            .sorted()
                            .toList())
                    .isEqualTo(IntStream.range(0, 120).boxed().toList());
            Map<Integer, List<FrozenTrial>> byGeneration = new TreeMap<>();
            for (FrozenTrial t : trials) {
                int g = ((Number) t.systemAttrs().get(GENERATION)).intValue();
                assertThat(g).isEqualTo(((Number) t.systemAttrs().get(PLACE)).intValue() / 10);
                byGeneration.computeIfAbsent(g, k -> new ArrayList<>()).add(t);
            }
            assertThat(byGeneration)
                    .hasSize(12)
                    .allSatisfy((g, members) -> assertThat(members).hasSize(10));

            Map<Long, FrozenTrial> byId = new HashMap<>();
            trials.forEach(t -> byId.put(t.id(), t));
            Map<String, Object> attrs = storage.studySystemAttrs(study);
            Set<Long> previousParents = Set.of();
            for (int g = 1; g < 12; g++) {
                assertThat(attrs).containsKey(PARENT + g);
                List<Long> parents = new ArrayList<>();
                ((List<?>) attrs.get(PARENT + g)).forEach(id -> parents.add(((Number) id).longValue()));
                Set<Long> allowed = new HashSet<>(previousParents);
                byGeneration.get(g - 1).forEach(t -> allowed.add(t.id()));
                assertThat(parents).isNotEmpty().hasSizeLessThanOrEqualTo(10).doesNotHaveDuplicates();
                assertThat(allowed).containsAll(parents);
                for (FrozenTrial child : byGeneration.get(g)) {
                    for (String name : List.of("x", "y")) {
                        Set<Object> values = new HashSet<>();
                        parents.forEach(id -> values.add(byId.get(id).params().get(name)));
                        assertThat(values)
                                .as("trial %d's %s in generation %d", child.number(), name, g)
                                .contains(child.params().get(name));
                    }
                }
                previousParents = new HashSet<>(parents);
            }
        }
    }
}
