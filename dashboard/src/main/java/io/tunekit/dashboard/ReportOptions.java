package io.tunekit.dashboard;

import io.tunekit.storage.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of writing a one-file report ({@code --study-name}, {@code --out}) and the
 * writing, as a picocli mixin: the one place where both command lines that write reports, the
 * {@code tunekit} tool's {@code report} command and this jar's, handle them. The command line
 * that mixes it in says where the storage is.
 */
public final class ReportOptions {

    @Option(
            names = {"--study-name", "--study"},
            required = true,
            paramLabel = "NAME",
            description = "The study to show.")
    String study;

    @Option(
            names = "--out",
            defaultValue = "report.html",
            paramLabel = "FILE",
            description = "The file to write (default: ${DEFAULT-VALUE}; replaced if it exists).")
    Path out;

    /** The options at their defaults, as picocli sets them from a command line. */
    public ReportOptions() {}

    /**
     * Writes the report of the chosen study of {@code storage} and prints the file and its size
     * on {@code out}.
     *
     * @throws io.tunekit.storage.UnknownStudyException if the storage has no such study
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public void write(Storage storage, PrintWriter out) {
        Report.write(storage, study, this.out);
        long size;
        try {
            size = Files.size(this.out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + this.out + ": " + e.getMessage(), e);
        }
        out.printf("Wrote %s (%,d bytes)%n", this.out, size);
        out.flush();
    }
}
