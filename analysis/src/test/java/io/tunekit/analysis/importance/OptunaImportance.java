package io.tunekit.analysis.importance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs Optuna 5.0's importance evaluators (the interpreter in TUNEKIT_OPTUNA5_PYTHON) on a SQLite study. */
final class OptunaImportance {

    static final String PYTHON = System.getenv("TUNEKIT_OPTUNA5_PYTHON");

    private OptunaImportance() {}

    /** Per seed, parameter to importance. */
    static Map<Integer, Map<String, Double>> run(Path db, String study, String evaluator, String seeds, String... extra)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("optuna_importance", ".py");
        try (InputStream in = OptunaImportance.class.getResourceAsStream("optuna_importance.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(
                List.of(PYTHON, script.toString(), "sqlite:///" + db.toAbsolutePath(), study, evaluator, seeds));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Optuna failed: " + out);
        }
        Files.delete(script);
        Map<Integer, Map<String, Double>> result = new TreeMap<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            result.computeIfAbsent(Integer.parseInt(parts[0]), k -> new HashMap<>())
                    .put(parts[1], Double.parseDouble(parts[2]));
        }
        return result;
    }
}
