package io.tunekit.cli;

import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.OptunaJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tunekit export}: a study's trials as CSV or JSON lines, one row per trial, with the
 * columns of Optuna's {@code study.trials_dataframe()}.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a study's trials as CSV or JSON lines: one row per trial, with the columns of Optuna's"
                    + " trials_dataframe(): number, value (values_0, values_1, ... or the metric names),"
                    + " datetime_start, datetime_complete, duration, params_*, user_attrs_*, system_attrs_*, state.",
            "",
            "Datetimes are written as pandas writes them (2026-01-02 10:00:00.123456, UTC as stored),"
                    + " durations as pandas' Timedelta text (0 days 00:00:01.500000); a missing value is an empty"
                    + " cell (null in JSON lines); list and object attributes are JSON text in CSV. No index column."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit export --storage sqlite:///tuning.db --study-name lr --output trials.csv",
            "  tunekit export --study-name lr --format jsonl | jq -c 'select(.state == \"COMPLETE\")'"
        })
final class ExportCommand extends TunekitCommand {

    /** The export formats. */
    enum Format {
        CSV,
        JSONL
    }

    @Option(names = "--study-name", required = true, description = "The study to export.")
    String studyName;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "csv or jsonl (default: jsonl for an --output ending in .jsonl or .json, else csv).")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "The file to write (replaced as a whole once the export is complete); default: stdout.")
    Path output;

    @Override
    protected int run() throws IOException {
        Format chosen = format();
        Records records;
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            long id = studyId(storage, studyName);
            var directions = storage.studyDirections(id);
            records = TrialRecords.of(
                    storage.trials(id, java.util.EnumSet.allOf(io.tunekit.TrialState.class)),
                    directions,
                    TrialRecords.metricNames(storage.studySystemAttrs(id), directions.size()),
                    TrialRecords.DATAFRAME);
        }
        String text = chosen == Format.CSV ? csv(records) : jsonLines(records);
        if (output == null) {
            out().print(text);
            out().flush();
        } else {
            write(output, text);
        }
        return 0;
    }

    private Format format() {
        if (format == null) {
            String name = output == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".jsonl") || name.endsWith(".json") ? Format.JSONL : Format.CSV;
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> Format.CSV;
            case "jsonl", "json-lines", "ndjson" -> Format.JSONL;
            default -> throw new CliException(ExitCode.USAGE, "--format '" + format + "' is not csv or jsonl");
        };
    }

    /** Writes the whole file next to the target, then moves it over: a failed export leaves no half file. */
    private static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".tunekit-export", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String csv(Records records) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        records.columns().forEach(c -> header.add(csvField(c.flatName())));
        out.append(String.join(",", header)).append('\n');
        for (Map<Column, Object> row : records.rows()) {
            List<String> cells = new ArrayList<>();
            for (Column c : records.columns()) {
                cells.add(csvField(cell(row.get(c))));
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    static String jsonLines(Records records) {
        StringBuilder out = new StringBuilder();
        for (Map<Column, Object> row : records.rows()) {
            Map<String, Object> line = new LinkedHashMap<>();
            for (Column c : records.columns()) {
                Object v = row.get(c);
                line.put(c.flatName(), v instanceof Instant || v instanceof Duration ? cell(v) : v);
            }
            out.append(OptunaJson.dumps(line)).append('\n');
        }
        return out.toString();
    }

    /** A value as its CSV text (pandas' for scalars, JSON for lists and objects). */
    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant t) {
            return PythonText.datetimeMicros(t);
        }
        if (v instanceof Duration d) {
            return PythonText.pandasTimedelta(d);
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "" : PythonText.pythonFloat(d);
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return OptunaJson.dumps(v);
        }
        return PythonText.str(v);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
