package io.tunekit.dashboard;

import io.tunekit.storage.StorageException;
import io.tunekit.storage.UnknownStudyException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The dashboard jar's entry point, with the two commands the {@code tunekit} tool also carries:
 * {@code java -jar tunekit-dashboard.jar dashboard --storage URL} serves the dashboard;
 * {@code ... report --storage URL --study NAME --out FILE} writes a report.
 */
@Command(
        name = "tunekit-dashboard",
        mixinStandardHelpOptions = true,
        description = "Tunekit's dashboard and reports.",
        subcommands = {DashboardCommand.class, ReportCommand.class})
public final class DashboardMain implements Runnable {

    private DashboardMain() {}

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with failures a user causes reported in one line and exit code 2. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DashboardMain());
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UnknownStudyException
                    || e instanceof StorageException
                    || e instanceof IllegalArgumentException
                    || e instanceof UncheckedIOException) {
                commandLine.getErr().println("error: " + DashboardServer.causes(e));
                return 2;
            }
            throw e;
        });
        return cl;
    }
}
