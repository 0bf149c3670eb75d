package io.tunekit.dashboard;

import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;

/**
 * Another process working on a study: {@code AddTrials URL STUDY N} runs N trials, then starts
 * one more and leaves it RUNNING (as a worker that is still busy).
 */
public final class AddTrials {

    private AddTrials() {}

    public static void main(String[] args) {
        try (Storage storage = Storages.open(args[0])) {
            Study study = Study.builder()
                    .name(args[1])
                    .storage(storage)
                    .sampler(new RandomSampler(99))
                    .loadIfExists(true)
                    .build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), Integer.parseInt(args[2]));
            Trial running = study.ask();
            running.suggestFloat("x", 0, 1);
        }
    }
}
