package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Python text the formats reproduce, pinned against what Python 3.11 and PyYAML 6 print for
 * the same values (the expected strings were printed by {@code yaml.safe_dump}, {@code repr} and
 * {@code str(timedelta)}).
 */
class TextFormatsTest {

    @Test
    void yamlQuotesFoldsAndEscapesAsPyYaml() {
        assertThat(Yaml.dump(List.of(Map.of("a", "word ".repeat(30), "b", "x"))))
                .isEqualTo("- a: 'word word word word word word word word word word word word word word word word\n"
                        + "    word word word word word word word word word word word word word word '\n"
                        + "  b: x");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("long key with spaces", "it's \"q\"\nsecond line and " + "more ".repeat(20));
        m.put("n", null);
        m.put("e", "");
        m.put("t", "yes");
        m.put("d", "2026-01-01 10:00:00");
        m.put("dur", "0:00:01");
        m.put("dur2", "0:00:01.5");
        m.put("i", 1e-05);
        m.put("big", 1e16);
        m.put("u", "caf\u00e9");
        m.put("neg", -0.0);
        m.put("l", List.of(List.of(1, 2), Map.of("k", List.of())));
        m.put("colon", "a: b");
        m.put("hash", "a #b");
        m.put("dash", "- x");
        m.put("q", "?x");
        assertThat(Yaml.dump(m))
                .isEqualTo("big: 1.0e+16\ncolon: 'a: b'\nd: '2026-01-01 10:00:00'\ndash: '- x'\ndur: 0:00:01\n"
                        + "dur2: '0:00:01.5'\ne: ''\nhash: 'a #b'\ni: 1.0e-05\nl:\n- - 1\n  - 2\n- k: []\n"
                        + "long key with spaces: 'it''s \"q\"\n\n  second line and more more more more more more more"
                        + " more more more more more more\n  more more more more more more more '\nn: null\nneg: -0.0\n"
                        + "q: ?x\nt: 'yes'\nu: \"caf\\xE9\"");
        assertThat(Yaml.dump(List.of())).isEqualTo("[]");
    }

    @Test
    void pythonReprAndTimedelta() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 1e-05);
        params.put("name", "it's");
        params.put("none", null);
        params.put("flag", true);
        params.put("list", Arrays.asList(1, 2.0, "a"));
        assertThat(PythonText.repr(params))
                .isEqualTo("{'lr': 1e-05, 'name': \"it's\", 'none': None, 'flag': True, 'list': [1, 2.0, 'a']}");
        assertThat(PythonText.repr(new PyTuple(List.of("MINIMIZE")))).isEqualTo("('MINIMIZE',)");
        assertThat(PythonText.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(PythonText.timedelta(Duration.ofMillis(1250))).isEqualTo("0:00:01.250000");
        assertThat(PythonText.timedelta(Duration.ofSeconds(2 * 86400 + 3 * 3600 + 4 * 60 + 5)))
                .isEqualTo("2 days, 3:04:05");
        assertThat(PythonText.timedelta(Duration.ofSeconds(86400))).isEqualTo("1 day, 0:00:00");
        assertThat(PythonText.pandasTimedelta(Duration.ofMillis(1500))).isEqualTo("0 days 00:00:01.500000");
    }

    @Test
    void optunaUrlsBecomeJdbcUrlsOfTheSameDatabase() {
        assertThat(StorageUrls.toTunekit("sqlite:///tuning.db")).isEqualTo("sqlite:///tuning.db");
        assertThat(StorageUrls.toTunekit("postgresql+psycopg2://me:p%40ss@db.example.com:5433/tuning?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db.example.com:5433/tuning?user=me&password=p%40ss&sslmode=require");
        assertThat(StorageUrls.toTunekit("postgresql://me@localhost/tuning"))
                .isEqualTo("jdbc:postgresql://localhost/tuning?user=me");
        assertThat(StorageUrls.toTunekit("mysql+pymysql://root:secret@127.0.0.1:3306/optuna?charset=utf8mb4"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/optuna?user=root&password=secret");
        assertThat(StorageUrls.toTunekit("jdbc:mysql://h/db?user=u")).isEqualTo("jdbc:mysql://h/db?user=u");
        assertThat(StorageUrls.display("postgresql://me:secret@h/db")).isEqualTo("postgresql://me:***@h/db");
        assertThat(StorageUrls.display("jdbc:postgresql://h/db?user=me&password=secret"))
                .isEqualTo("jdbc:postgresql://h/db?user=me&password=***");
    }
}
