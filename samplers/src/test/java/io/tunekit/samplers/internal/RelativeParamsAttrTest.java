package io.tunekit.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tunekit.FrozenTrial;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelativeParamsAttrTest {

    private static final RelativeParamsAttr GP = new RelativeParamsAttr("gp:relative_params:");

    @Test
    void writesJsonThatPythonReads() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 0.001);
        params.put("layers", 3);
        params.put("act", "relu");
        params.put("flag", true);
        params.put("none", null);

        assertThat(RelativeParamsAttr.toJson(params))
                .isEqualTo("{\"lr\":0.001,\"layers\":3,\"act\":\"relu\",\"flag\":true,\"none\":null}");
        assertThat(RelativeParamsAttr.toJson(Map.of("caf\u00e9", Double.NaN))).isEqualTo("{\"caf\\u00E9\":NaN}");
    }

    @Test
    void roundTripsThroughTheChunkedAttributes() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("quote\"back\\slash", "tab\tnew\nline");
        params.put("caf\u00e9", -1.5e-7);
        params.put("big", 12345678901L);
        params.put("nan", Double.NaN);
        params.put("inf", Double.NEGATIVE_INFINITY);

        Map<String, Object> attrs = new HashMap<>();
        List<String> chunks = RelativeParamsAttr.chunks(params);
        for (int i = 0; i < chunks.size(); i++) {
            attrs.put(GP.keyPrefix() + i, chunks.get(i));
        }

        assertThat(GP.read(attrs))
                .containsExactly(
                        entry("quote\"back\\slash", "tab\tnew\nline"),
                        entry("caf\u00e9", -1.5e-7),
                        entry("big", 12345678901L),
                        entry("nan", Double.NaN),
                        entry("inf", Double.NEGATIVE_INFINITY));
        assertThat(String.join("", chunks)).isASCII();
    }

    @Test
    void splitsLongTextIntoChunksOfAtMost2045Characters() {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            params.put("parameter_" + i, i + 0.5);
        }

        List<String> chunks = RelativeParamsAttr.chunks(params);

        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(2045));
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c).hasSize(2045));
        Map<String, Object> attrs = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            attrs.put("gp:relative_params:" + i, chunks.get(i));
        }
        assertThat(GP.read(attrs)).isEqualTo(params);
    }

    @Test
    void readsWhatPythonWrites() {
        Map<String, Object> attrs = Map.of(
                "gp:relative_params:0",
                "{\"x\": 1e-05, \"n\": 3, \"c\": \"caf\\u00e9\", " + "\"f\": 2.0, \"b\": false}");

        assertThat(GP.read(attrs))
                .containsExactly(
                        entry("x", 1e-5), entry("n", 3), entry("c", "caf\u00e9"), entry("f", 2.0), entry("b", false));
        assertThat(GP.read(Map.of())).isEmpty();
        assertThat(GP.read(Map.of("gp:relative_params:0", "{}"))).isEmpty();
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : new String[] {
            "{\"x\": [1]}", "{\"x\" 1}", "{\"x\": 1", "{\"x\": 1} trailing", "[1]", "{\"x\": \"\\q\"}", "{\"x\": 1.2.3}"
        }) {
            assertThatThrownBy(() -> GP.read(Map.of("gp:relative_params:0", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gp:relative_params");
        }
        assertThatThrownBy(() -> RelativeParamsAttr.toJson(Map.of("x", List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'");
    }

    @Test
    void eachPrefixReadsOnlyItsOwnChunksAndAMalformedPlanIsIgnored() {
        RelativeParamsAttr tpe = new RelativeParamsAttr("tpe:relative_params:");
        FrozenTrial trial = FrozenTrial.builder()
                .systemAttr("gp:relative_params:0", "{\"x\": 1.5}")
                .systemAttr("tpe:relative_params:0", "{\"x\": [")
                .build();

        assertThat(GP.sharedBy(trial)).containsExactly(entry("x", 1.5));
        assertThat(tpe.sharedBy(trial)).isEmpty();
        assertThatThrownBy(() -> tpe.read(trial.systemAttrs()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tpe:relative_params:");
    }
}
