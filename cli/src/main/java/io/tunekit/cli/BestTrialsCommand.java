package io.tunekit.cli;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tunekit best-trials}: Optuna's command of the same name. */
@Command(
        name = "best-trials",
        mixinStandardHelpOptions = true,
        description = "List the trials on the Pareto front: the feasible COMPLETE trials no other one dominates"
                + " (for a single objective: the trials with the best value).",
        footerHeading = "%nExamples:%n",
        footer = {"  tunekit best-trials --storage sqlite:///tuning.db --study-name mo -f table"})
final class BestTrialsCommand extends TrialListing {

    @Override
    List<FrozenTrial> select(Study study, List<FrozenTrial> all) {
        return study.bestTrials();
    }
}
