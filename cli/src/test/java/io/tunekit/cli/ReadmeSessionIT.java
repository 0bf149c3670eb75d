package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shell session of the README's "Command line" section exactly as written (with bash,
 * through {@code bin/tunekit}), and checks that its ask/tell loop ends near the optimum.
 */
class ReadmeSessionIT {

    @Test
    void theReadmeSessionRunsAndTheLoopReachesTheOptimum(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Processes.ROOT.resolve("README.md"));
        int start = readme.indexOf("<!-- cli-session:start -->");
        int end = readme.indexOf("<!-- cli-session:end -->");
        assertThat(start).as("session start marker").isPositive();
        String block = readme.substring(start, end);
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
        Path file = dir.resolve("session.sh");
        Files.writeString(file, script);

        // The session puts "$PWD/bin" on the PATH, as it would in the repository; here the
        // repository's bin comes first through the environment.
        String path = Processes.LAUNCHER.getParent() + ":" + System.getenv("PATH");
        Cli.Result r = Processes.run(dir, Map.of("PATH", path), List.of("bash", file.toString()));
        assertThat(r.status()).as("exit status; stderr:%n%s", r.err()).isZero();

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("quadratic");
        JsonNode best = Cli.JSON.readTree(
                lines.stream().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        // The optimum is 0 at (2, -1) in [-10, 10]^2: 40 seeded TPE trials end within sqrt(2) of it.
        assertThat(best.get("value").asDouble()).isLessThan(2.0);
        assertThat(best.get("params").get("x").asDouble()).isBetween(2 - 1.5, 2 + 1.5);
        assertThat(best.get("params").get("y").asDouble()).isBetween(-1 - 1.5, -1 + 1.5);
        assertThat(best.get("state").asText()).isEqualTo("COMPLETE");

        List<String> csv = Files.readAllLines(dir.resolve("quadratic.csv"));
        assertThat(csv).hasSize(41);
        assertThat(csv.get(0)).startsWith("number,value,datetime_start,datetime_complete,duration,params_x,params_y");
        assertThat(csv.subList(1, 41)).allMatch(l -> l.endsWith(",COMPLETE"));
    }
}
