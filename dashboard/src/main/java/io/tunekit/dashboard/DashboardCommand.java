package io.tunekit.dashboard;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dashboard --storage URL [--host H] [--port P]}: serves the dashboard until stopped. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = "Serves a read-only dashboard of every study in a storage (stop with Ctrl-C).")
final class DashboardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOption storage;

    @Mixin
    private ServeOptions serve;

    @Override
    public Integer call() {
        serve.serveUntilInterrupted(
                DashboardServer.builder().storageUrl(storage.url),
                spec.commandLine().getOut());
        return 0;
    }
}
