package io.tunekit.pruners;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A minimising study view over a fixed list of trials, for tests that need no storage. */
final class FakeView implements StudyView {

    private final String name;
    private final List<FrozenTrial> trials;

    FakeView() {
        this("fake", List.of());
    }

    FakeView(String name, List<FrozenTrial> trials) {
        this.name = name;
        this.trials = List.copyOf(trials);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Direction> directions() {
        return List.of(Direction.MINIMIZE);
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (states.contains(t.state())) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return Map.of();
    }

    @Override
    public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
        throw new UnsupportedOperationException("read-only test view");
    }

    @Override
    public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
        throw new UnsupportedOperationException("read-only test view");
    }

    @Override
    public void stop() {}
}
