package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code tunekit} in-process, as picocli's {@code execute} does for the real process. */
final class Cli {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** What a run printed and returned. */
    record Result(int status, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not JSON: " + out + " (stderr: " + err + ")", e);
            }
        }

        /** Stdout, asserting a zero exit status. */
        String ok() {
            if (status != 0) {
                throw new AssertionError("exit status " + status + "; stderr: " + err + "; stdout: " + out);
            }
            return out;
        }
    }

    /**
     * Asserts a failed run as every error must look: the exit status of its kind, one line on
     * stderr naming what was wrong, no stack trace, nothing on stdout.
     */
    static void oneLine(Result r, ExitCode code, String... mentions) {
        assertThat(r.status()).as("exit status; stderr: %s", r.err()).isEqualTo(code.code());
        assertThat(r.err().lines()).as("stderr").hasSize(1);
        assertThat(r.err()).contains(mentions).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    private final Map<String, String> env;

    Cli(Map<String, String> env) {
        this.env = env;
    }

    /** A runner whose storage is given by TUNEKIT_STORAGE. */
    static Cli on(String storageUrl) {
        return new Cli(Map.of("TUNEKIT_STORAGE", storageUrl));
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Tunekit.commandLine(env, args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    /** Runs and returns stdout, asserting success. */
    String ok(String... args) {
        return run(args).ok();
    }

    /** Runs and parses stdout as JSON, asserting success. */
    JsonNode json(String... args) {
        Result r = run(args);
        r.ok();
        return r.json();
    }

    static String[] args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String[] many) {
                out.addAll(List.of(many));
            } else {
                out.add(String.valueOf(p));
            }
        }
        return out.toArray(String[]::new);
    }
}
