package io.tunekit.cli;

import io.tunekit.dashboard.ReportOptions;
import io.tunekit.storage.Storage;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunekit report}: the dashboard module's one-file HTML report of a study. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write one self-contained HTML file showing a study: the dashboard's study page with its script,"
                    + " charts, style and the study's data (importances included) inlined. It opens from disk,"
                    + " with no server and no network."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit report --storage sqlite:///tunekit-examples.db --study-name lr-accuracy-tpe --out lr.html",
            "  # => Wrote lr.html (1,234,567 bytes)"
        })
final class ReportCommand extends TunekitCommand {

    @Mixin
    ReportOptions report;

    @Override
    protected int run() {
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            report.write(storage, out());
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.USAGE, "--out: " + e.getMessage(), e);
        }
        return 0;
    }
}
