package io.tunekit.dashboard;

import io.tunekit.storage.StorageException;
import io.tunekit.storage.UnknownStudyException;
import picocli.CommandLine;

/**
 * The dashboard jar's entry point: {@code java -jar tunekit-dashboard-all.jar --storage URL}
 * serves the dashboard; {@code ... report --storage URL --study NAME --out FILE} writes a report.
 */
public final class DashboardMain {

    private DashboardMain() {}

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The dashboard command with {@code report} as a subcommand, failures reported in one line. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DashboardCommand()).addSubcommand(new ReportCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UnknownStudyException
                    || e instanceof StorageException
                    || e instanceof IllegalArgumentException
                    || e instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("error: " + DashboardServer.causes(e));
                return 2;
            }
            throw e;
        });
        return cl;
    }
}
