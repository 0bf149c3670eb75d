package io.tunekit.dashboard;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code report --storage URL --study NAME --out FILE}: writes a one-file HTML report. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML file showing a study; it opens from disk with no server "
                + "and no network.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOption storage;

    @Mixin
    private ReportOptions report;

    @Override
    public Integer call() {
        try (StorageAccess access = StorageAccess.of(storage.url)) {
            report.write(access.get(), spec.commandLine().getOut());
        }
        return 0;
    }
}
