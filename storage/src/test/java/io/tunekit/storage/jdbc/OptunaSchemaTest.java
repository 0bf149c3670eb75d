package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.Direction;
import io.tunekit.storage.StorageException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema a new SQLite database gets, and the revision rules for existing ones. */
class OptunaSchemaTest {

    @TempDir
    Path dir;

    @Test
    void newDatabaseHasOptunasTablesTextForText() throws Exception {
        Path db = dir.resolve("new.db");
        Storages.open("sqlite:" + db).close();
        Map<String, String> ours = sqliteMaster(db);
        Map<String, String> optuna = optuna31Schema();
        // Optuna >= 3.2 also indexes trials.study_id on a new database; 3.1 did not.
        assertThat(ours.remove("ix_trials_study_id")).isEqualTo("CREATE INDEX ix_trials_study_id ON trials (study_id)");
        assertThat(ours).isEqualTo(optuna);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            assertThat(row(s, "SELECT version_info_id, schema_version, library_version FROM version_info"))
                    .isEqualTo("1|12|tunekit " + Storages.version());
            assertThat(row(s, "SELECT version_num FROM alembic_version")).isEqualTo("v3.2.0.a");
        }
        assertThat(Storages.version()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void anOptuna31DatabaseOpensAndStaysAtItsRevision() throws Exception {
        Path db = dir.resolve("old.db");
        Storages.open("sqlite:" + db).close();
        execute(db, "UPDATE alembic_version SET version_num = 'v3.0.0.d'");
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            long id = storage.createStudy("s", List.of(Direction.MINIMIZE));
            storage.createTrial(id, null, List.of());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            assertThat(row(s, "SELECT version_num FROM alembic_version")).isEqualTo("v3.0.0.d");
        }
    }

    @Test
    void otherRevisionsAreRefusedByName() throws Exception {
        Path db = dir.resolve("older.db");
        Storages.open("sqlite:" + db).close();
        execute(db, "UPDATE alembic_version SET version_num = 'v2.6.0.a'");
        assertThatThrownBy(() -> Storages.open("sqlite:" + db))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("'v2.6.0.a'")
                .hasMessageContaining("v3.0.0.d")
                .hasMessageContaining("v3.2.0.a");
    }

    @Test
    void aMissingHeartbeatTableIsCreatedAsOptunaDoes() throws Exception {
        Path db = dir.resolve("noheartbeat.db");
        Storages.open("sqlite:" + db).close();
        execute(db, "DROP TABLE trial_heartbeats");
        Storages.open("sqlite:" + db).close();
        assertThat(sqliteMaster(db)).containsKey("trial_heartbeats");
    }

    private static Map<String, String> optuna31Schema() throws Exception {
        String text;
        try (InputStream in = OptunaSchemaTest.class.getResourceAsStream("/python/optuna-3.1-sqlite-schema.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> out = new LinkedHashMap<>();
        String[] blocks = text.split("\n-- ");
        for (int i = 1; i < blocks.length; i++) {
            int nl = blocks[i].indexOf('\n');
            String sql = blocks[i].substring(nl + 1).trim();
            out.put(blocks[i].substring(0, nl), sql.substring(0, sql.length() - 1));
        }
        return out;
    }

    private static Map<String, String> sqliteMaster(Path db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static void execute(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String row(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            return out.toString();
        }
    }
}
