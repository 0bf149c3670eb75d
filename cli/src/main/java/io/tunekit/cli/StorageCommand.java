package io.tunekit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tunekit storage}: the group of Optuna's {@code storage ...} commands. */
@Command(
        name = "storage",
        mixinStandardHelpOptions = true,
        description = "Manage the storage itself.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = StorageUpgradeCommand.class)
final class StorageCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
