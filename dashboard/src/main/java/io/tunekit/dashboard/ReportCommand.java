package io.tunekit.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report --storage URL --study NAME --out FILE}: writes a one-file HTML report. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML file showing a study; it opens from disk with no server "
                + "and no network.")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    private StorageOption storage;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "the study to show")
    private String study;

    @Option(
            names = "--out",
            defaultValue = "report.html",
            paramLabel = "FILE",
            description = "the file to write (default: ${DEFAULT-VALUE}; replaced if it exists)")
    private Path out;

    @Override
    public Integer call() {
        try (StorageAccess access = StorageAccess.of(storage.url)) {
            Report.write(access.get(), study, out);
        }
        System.out.printf("Wrote %s (%,d bytes)%n", out, sizeOf(out));
        return 0;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
