package io.tunekit.cli;

import io.tunekit.dashboard.DashboardServer;
import io.tunekit.dashboard.ServeOptions;
import io.tunekit.storage.Storage;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunekit dashboard}: the dashboard module's server on the storage the CLI names. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a read-only dashboard of every study in the storage and print its address; runs until"
                    + " interrupted (Ctrl-C).",
            "",
            "Pages: studies; per study the history (with other studies overlaid), the trials table,"
                    + " learning curves, parallel coordinates, slice, contour, EDF, timeline, parameter"
                    + " importance and, with several objectives, the Pareto front; live while other processes"
                    + " run the study. Nothing is written to the storage: it is opened read-only."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit dashboard --storage sqlite:///tunekit-examples.db     # => Tunekit dashboard at http://127.0.0.1:8080/",
            "  tunekit dashboard --storage postgresql://me:secret@db.example.com/tuning --port 0",
            "  tunekit dashboard --host 0.0.0.0 --port 9000                  # shows your studies to the network"
        })
final class DashboardCommand extends TunekitCommand {

    @Mixin
    ServeOptions serve;

    @Override
    protected int run() {
        // Opened now, so that a missing file or a database that is down fails here, in one line,
        // instead of on every page.
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            serve.serveUntilInterrupted(DashboardServer.builder().storage(storage), out());
        } catch (UncheckedIOException e) {
            // The only I/O before serving is binding the address: an unknown host or a port in use.
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        return 0;
    }
}
