package io.tunekit.cli;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tunekit best-trial}: Optuna's command of the same name. */
@Command(
        name = "best-trial",
        mixinStandardHelpOptions = true,
        description = "Print the best trial of a single-objective study (the best feasible COMPLETE trial;"
                + " the lowest number wins a tie).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit best-trial --storage sqlite:///tuning.db --study-name lr",
            "  tunekit best-trial --study-name lr -f json | jq .params"
        })
final class BestTrialCommand extends TrialListing {

    @Override
    List<FrozenTrial> select(Study study, List<FrozenTrial> all) {
        if (study.directions().size() > 1) {
            throw new CliException(
                    ExitCode.USAGE,
                    "study '" + study.name() + "' has " + study.directions().size()
                            + " objectives: a single best trial is not defined; use best-trials");
        }
        if (complete(all).isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "study '" + study.name() + "' has no completed trial yet");
        }
        try {
            return List.of(study.bestTrial());
        } catch (IllegalStateException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage(), e);
        }
    }

    @Override
    boolean single() {
        return true;
    }
}
