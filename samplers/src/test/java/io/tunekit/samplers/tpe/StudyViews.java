package io.tunekit.samplers.tpe;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link StudyView} over a study and its storage, to call a sampler directly in tests. */
final class StudyViews {

    private StudyViews() {
    }

    static StudyView of(Study study, Storage storage) {
        long id = storage.findStudy(study.name()).orElseThrow();
        return new StudyView() {
            @Override
            public String name() {
                return study.name();
            }

            @Override
            public List<Direction> directions() {
                return study.directions();
            }

            @Override
            public List<FrozenTrial> trials(Set<TrialState> states) {
                return study.trials(states);
            }

            @Override
            public Map<String, Object> systemAttrs() {
                return storage.studySystemAttrs(id);
            }

            @Override
            public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
                return storage.compareAndSetStudySystemAttr(id, key, expected, value);
            }

            @Override
            public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
                storage.setTrialSystemAttr(trial.id(), key, value);
            }

            @Override
            public void stop() {
            }
        };
    }
}
