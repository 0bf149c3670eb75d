package io.tunekit.pruner;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;

/** Never prunes. The default pruner of a study. */
public final class NopPruner implements Pruner {

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        return false;
    }
}
