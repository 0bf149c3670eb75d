package io.tunekit.analysis.importance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs Optuna 5.0's importance evaluators (the interpreter in TUNEKIT_OPTUNA5_PYTHON) on SQLite
 * studies, many jobs in one Python process (Optuna and scikit-learn take seconds to import).
 */
final class OptunaImportance {

    static final String PYTHON = System.getenv("TUNEKIT_OPTUNA5_PYTHON");

    private OptunaImportance() {}

    /**
     * @param jobs lines "TAG STUDY EVALUATOR SEEDS [--params a,b] [--target negated] [--raw]"
     * @return per tag, per seed, parameter to importance
     */
    static Map<String, Map<Integer, Map<String, Double>>> run(Path db, List<String> jobs)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("optuna_importance", ".py");
        try (InputStream in = OptunaImportance.class.getResourceAsStream("optuna_importance.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), "sqlite:///" + db.toAbsolutePath())
                .redirectErrorStream(true)
                .start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((String.join("\n", jobs) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Optuna failed: " + out);
        }
        Files.delete(script);
        Map<String, Map<Integer, Map<String, Double>>> result = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            result.computeIfAbsent(parts[0], k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(parts[1]), k -> new HashMap<>())
                    .put(parts[2], Double.parseDouble(parts[3]));
        }
        return result;
    }
}
