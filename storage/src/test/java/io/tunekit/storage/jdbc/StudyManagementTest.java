package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.Direction;
import io.tunekit.Studies;
import io.tunekit.TrialState;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.UnknownStudyException;
import io.tunekit.storage.contract.SampleStudies;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Study management on the JDBC storage: copying between memory and SQLite both ways, and a
 * deletion that leaves no orphan row. The storage-independent rules are in core's StudiesTest.
 * The sample study is core's {@link SampleStudies} (test-jar).
 */
class StudyManagementTest {

    @TempDir
    Path dir;

    @Test
    void copiesAStudyBetweenMemoryAndSqliteBothWays() {
        InMemoryStorage memory = new InMemoryStorage();
        SampleStudies.sampleStudy(memory, "source");
        try (JdbcStorage sqlite = Storages.open("sqlite:" + dir.resolve("copy.db"))) {
            long copied = Studies.copy(memory, "source", sqlite, "copy");
            SampleStudies.assertSameTrials(
                    memory.trials(memory.findStudy("source").orElseThrow(), EnumSet.allOf(TrialState.class)),
                    sqlite.trials(copied, EnumSet.allOf(TrialState.class)));
            assertThat(sqlite.studyUserAttrs(copied)).isEqualTo(Map.of("owner", "me"));
            assertThat(sqlite.studyDirections(copied)).containsExactly(Direction.MAXIMIZE);
            assertThatThrownBy(() -> Studies.copy(memory, "source", sqlite, "copy"))
                    .isInstanceOf(DuplicatedStudyException.class);

            InMemoryStorage back = new InMemoryStorage();
            long again = Studies.copy(sqlite, "copy", back);
            assertThat(back.studyName(again)).isEqualTo("copy");
            SampleStudies.assertSameTrials(
                    sqlite.trials(copied, EnumSet.allOf(TrialState.class)),
                    back.trials(again, EnumSet.allOf(TrialState.class)));
        }
        assertThatThrownBy(() -> Studies.copy(memory, "nope", new InMemoryStorage()))
                .isInstanceOf(UnknownStudyException.class);
    }

    @Test
    void deletingAStudyRemovesEveryRowOfItAndNothingElse() throws Exception {
        Path db = dir.resolve("delete.db");
        try (JdbcStorage storage = Storages.builder("sqlite:" + db)
                .heartbeatInterval(java.time.Duration.ofSeconds(5))
                .build()) {
            SampleStudies.sampleStudy(storage, "gone");
            SampleStudies.sampleStudy(storage, "kept");
            long gone = storage.findStudy("gone").orElseThrow();
            storage.setStudySystemAttr(gone, "k", 1);
            storage.recordHeartbeat(storage.trialId(gone, 0));
            Studies.delete(storage, "gone");
            assertThat(storage.studyNames()).containsExactly("kept");
            assertThatThrownBy(() -> Studies.delete(storage, "gone")).isInstanceOf(UnknownStudyException.class);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            for (String table : List.of(
                    "trials",
                    "trial_params",
                    "trial_values",
                    "trial_intermediate_values",
                    "trial_user_attributes",
                    "trial_system_attributes",
                    "trial_heartbeats",
                    "study_directions",
                    "study_user_attributes",
                    "study_system_attributes")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE "
                        + (table.startsWith("trial_")
                                ? "trial_id NOT IN (SELECT trial_id FROM trials)"
                                : "study_id NOT IN (SELECT study_id FROM studies)"))) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("orphans in " + table).isZero();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM trials")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }
}
