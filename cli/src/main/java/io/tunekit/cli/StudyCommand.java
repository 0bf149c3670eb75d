package io.tunekit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tunekit study}: the group of Optuna's {@code study ...} commands. */
@Command(
        name = "study",
        mixinStandardHelpOptions = true,
        description = "Change a study.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = StudySetUserAttrCommand.class)
final class StudyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
