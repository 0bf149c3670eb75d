package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: the write that meets it fails with an error naming the cause, and once space is
 * freed the same storage object works again (its connection was rolled back and replaced, not
 * left inside a half-failed transaction). Runs on a 1 MB tmpfs, so it needs root.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void theSameStorageWorksAgainOnceSpaceIsFreed() throws Exception {
        assumeTrue(SqliteFilesTest.isRoot(), "mounting a small tmpfs needs root");
        Path mount = dir.resolve("small");
        Files.createDirectories(mount);
        SqliteFilesTest.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        try {
            Path filler = mount.resolve("filler");
            try (JdbcStorage storage = Storages.open("sqlite:" + mount.resolve("study.db"))) {
                long study = storage.createStudy("full", List.of(Direction.MINIMIZE));
                // leave ~64 KB free, then write 8 KB attributes until the disk is full
                long free = Files.getFileStore(mount).getUsableSpace();
                Files.write(filler, new byte[(int) Math.max(0, free - 64 * 1024)]);
                String blob = "x".repeat(8 * 1024);
                StorageException full = null;
                FrozenTrial last = null;
                for (int i = 0; i < 200 && full == null; i++) {
                    try {
                        last = storage.createTrial(study, null, List.of()).orElseThrow();
                        storage.setTrialUserAttr(last.id(), "blob", blob);
                        storage.finishTrial(last.id(), TrialState.COMPLETE, List.of(1.0));
                    } catch (StorageException e) {
                        full = e;
                    }
                }
                assertThat(full).as("the disk filled up").isNotNull();
                assertThat(full.getMessage()).containsIgnoringCase("full").contains("trial");
                Files.delete(filler);
                FrozenTrial after = storage.createTrial(study, null, List.of()).orElseThrow();
                storage.setTrialUserAttr(after.id(), "blob", blob);
                assertThat(storage.finishTrial(after.id(), TrialState.COMPLETE, List.of(2.0)))
                        .isTrue();
                if (last != null && storage.trial(last.id()).state() == TrialState.RUNNING) {
                    assertThat(storage.finishTrial(last.id(), TrialState.FAIL, List.of()))
                            .isTrue();
                }
                List<FrozenTrial> trials = storage.trials(study, EnumSet.allOf(TrialState.class));
                assertThat(trials).noneMatch(t -> t.state() == TrialState.RUNNING);
                assertThat(trials.get(trials.size() - 1).values()).containsExactly(2.0);
            }
            assertThatThrownBy(() -> Files.size(filler)).isInstanceOf(java.nio.file.NoSuchFileException.class);
        } finally {
            SqliteFilesTest.run("umount", mount.toString());
        }
    }
}
