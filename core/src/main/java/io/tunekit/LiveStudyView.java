package io.tunekit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The study as samplers and pruners see it: reads and the few writes they may do, straight to storage. */
final class LiveStudyView implements StudyView {

    private final Study study;

    LiveStudyView(Study study) {
        this.study = study;
    }

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
        return study.storage().trials(study.studyId(), states);
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return study.storage().studySystemAttrs(study.studyId());
    }

    @Override
    public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
        return study.storage().compareAndSetStudySystemAttr(study.studyId(), key, expected, value);
    }

    @Override
    public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
        study.storage().setTrialSystemAttr(trial.id(), key, value);
    }

    @Override
    public void stop() {
        study.stopIfOptimizing();
    }
}
