package io.tunekit.cli;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tunekit trials}: Optuna's command of the same name. */
@Command(
        name = "trials",
        mixinStandardHelpOptions = true,
        description = "List a study's trials: number, value(s), start, completion, duration, params,"
                + " user attributes, state.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit trials --storage sqlite:///tuning.db --study-name lr",
            "  tunekit trials --study-name lr -f json --flatten | jq '.[] | select(.state == \"COMPLETE\")'"
        })
final class TrialsCommand extends TrialListing {

    @Override
    List<FrozenTrial> select(Study study, List<FrozenTrial> all) {
        return all;
    }
}
