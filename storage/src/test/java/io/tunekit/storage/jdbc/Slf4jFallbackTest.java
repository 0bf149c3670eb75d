package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an SLF4J provider, the storage prints no SLF4J warning and its libraries' SLF4J lines
 * reach the JDK logger; with a provider (this test JVM has slf4j-jdk14), nothing is changed.
 * Real JVMs, since SLF4J binds once per JVM.
 */
class Slf4jFallbackTest {

    @TempDir
    Path dir;

    @Test
    void noProviderMeansNoWarningAndLinesGoToTheJdkLogger() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-jdk14"))
                .collect(Collectors.joining(File.pathSeparator));
        String output = run(classPath);
        assertThat(output).doesNotContain("SLF4J");
        assertThat(output).contains("fallback installed: true");
        assertThat(output).contains("WARNING: routed through System.Logger");
    }

    @Test
    void anApplicationsProviderIsKept() throws Exception {
        String output = run(System.getProperty("java.class.path"));
        assertThat(output).doesNotContain("SLF4J(");
        assertThat(output).contains("fallback installed: false");
        assertThat(output).contains("routed through System.Logger"); // via slf4j-jdk14 here
    }

    private String run(String classPath) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                Slf4jFallbackMain.class.getName(),
                dir.resolve("quiet-" + System.nanoTime() + ".db").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
