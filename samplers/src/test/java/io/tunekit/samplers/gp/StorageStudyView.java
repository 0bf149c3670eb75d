package io.tunekit.samplers.gp;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link StudyView} straight over a storage, to call a sampler's SPI directly in tests. */
record StorageStudyView(Storage storage, String name) implements StudyView {

    private long id() {
        return storage.findStudy(name).orElseThrow();
    }

    @Override
    public List<Direction> directions() {
        return storage.studyDirections(id());
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        return storage.trials(id(), states);
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return storage.studySystemAttrs(id());
    }

    @Override
    public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
        return storage.compareAndSetStudySystemAttr(id(), key, expected, value);
    }

    @Override
    public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
        storage.setTrialSystemAttr(trial.id(), key, value);
    }

    @Override
    public void stop() {}
}
