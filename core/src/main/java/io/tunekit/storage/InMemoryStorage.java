package io.tunekit.storage;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.internal.MutableTrial;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A storage in the JVM's memory: fast, shared by the threads of one process, gone when the
 * process ends. The default storage of a study. Every operation holds one lock, so each is
 * atomic; snapshots of finished trials are built once and reused.
 */
public final class InMemoryStorage implements Storage {

    /** The listing mask of every state. */
    private static final int ALL_STATES = (1 << TrialState.values().length) - 1;

    private final Object lock = new Object();
    private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
    private final Map<Long, TrialRecord> trialsById = new HashMap<>();
    private long nextStudyId;
    private long nextTrialId;

    private static final class StudyRecord {
        final long id;
        final String name;
        final List<Direction> directions;
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final List<TrialRecord> trials = new ArrayList<>();
        final Map<String, Distribution> firstDistributions = new HashMap<>();
        /** WAITING trials, oldest first: only a pop takes a trial out of WAITING. */
        final ArrayDeque<TrialRecord> waiting = new ArrayDeque<>();
        /**
         * Snapshots by number and each trial's state as a byte, so listing trials walks two
         * arrays instead of every record; slots of changed trials are rebuilt on the next read.
         */
        FrozenTrial[] snapshots = new FrozenTrial[16];

        byte[] states = new byte[16];
        final BitSet stale = new BitSet();
        /** Listings by state mask, valid until the next change to any trial of the study. */
        final Map<Integer, List<FrozenTrial>> listings = new HashMap<>();

        void add(TrialRecord t) {
            if (trials.size() == snapshots.length) {
                snapshots = Arrays.copyOf(snapshots, snapshots.length * 2);
                states = Arrays.copyOf(states, states.length * 2);
            }
            trials.add(t);
            if (t.state() == TrialState.WAITING) {
                waiting.add(t);
            }
            changed(t);
        }

        void changed(TrialRecord t) {
            stale.set(t.number());
            states[t.number()] = (byte) t.state().ordinal();
            listings.clear();
        }

        void refresh() {
            for (int i = stale.nextSetBit(0); i >= 0; i = stale.nextSetBit(i + 1)) {
                snapshots[i] = trials.get(i).snapshot();
            }
            stale.clear();
        }

        StudyRecord(long id, String name, List<Direction> directions) {
            this.id = id;
            this.name = name;
            this.directions = List.copyOf(directions);
        }
    }

    /** A trial's fields with its study, and the snapshot of them, rebuilt after a change. */
    private static final class TrialRecord {
        final MutableTrial fields;
        final StudyRecord study;
        FrozenTrial snapshot;

        TrialRecord(MutableTrial fields, StudyRecord study) {
            this.fields = fields;
            this.study = study;
        }

        long id() {
            return fields.id();
        }

        int number() {
            return fields.number();
        }

        TrialState state() {
            return fields.state();
        }

        FrozenTrial snapshot() {
            if (snapshot == null) {
                snapshot = fields.build();
            }
            return snapshot;
        }

        void changed() {
            snapshot = null;
            study.changed(this);
        }
    }

    @Override
    public long createStudy(String name, List<Direction> directions) {
        NameRules.require("study name", name);
        if (directions == null || directions.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        synchronized (lock) {
            if (findStudy(name).isPresent()) {
                throw new DuplicatedStudyException(name);
            }
            long id = nextStudyId++;
            studies.put(id, new StudyRecord(id, name, directions));
            return id;
        }
    }

    @Override
    public OptionalLong findStudy(String name) {
        synchronized (lock) {
            for (StudyRecord s : studies.values()) {
                if (s.name.equals(name)) {
                    return OptionalLong.of(s.id);
                }
            }
            return OptionalLong.empty();
        }
    }

    @Override
    public String studyName(long studyId) {
        synchronized (lock) {
            return study(studyId).name;
        }
    }

    @Override
    public List<Direction> studyDirections(long studyId) {
        synchronized (lock) {
            return study(studyId).directions;
        }
    }

    @Override
    public List<String> studyNames() {
        synchronized (lock) {
            return studies.values().stream().map(s -> s.name).toList();
        }
    }

    @Override
    public void deleteStudy(long studyId) {
        synchronized (lock) {
            StudyRecord s = study(studyId);
            for (TrialRecord t : s.trials) {
                trialsById.remove(t.id());
            }
            studies.remove(studyId);
        }
    }

    @Override
    public Map<String, Object> studyUserAttrs(long studyId) {
        synchronized (lock) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).userAttrs));
        }
    }

    @Override
    public Map<String, Object> studySystemAttrs(long studyId) {
        synchronized (lock) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).systemAttrs));
        }
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        Object copy = JsonValues.copy(value);
        synchronized (lock) {
            study(studyId).userAttrs.put(requireKey(key), copy);
        }
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        Object copy = JsonValues.copy(value);
        synchronized (lock) {
            study(studyId).systemAttrs.put(requireKey(key), copy);
        }
    }

    @Override
    public boolean compareAndSetStudySystemAttr(long studyId, String key, Object expected, Object value) {
        Object copy = JsonValues.copy(value);
        synchronized (lock) {
            Map<String, Object> attrs = study(studyId).systemAttrs;
            boolean matches = expected == null
                    ? !attrs.containsKey(key)
                    : attrs.containsKey(key) && JsonValues.sameValue(attrs.get(key), expected);
            if (matches) {
                attrs.put(requireKey(key), copy);
            }
            return matches;
        }
    }

    @Override
    public Optional<FrozenTrial> createTrial(long studyId, FrozenTrial template, List<CreationGuard> guards) {
        if (template != null) {
            NameRules.requireNames(template);
        }
        synchronized (lock) {
            StudyRecord s = study(studyId);
            Map<String, Long> tickets = new LinkedHashMap<>();
            for (CreationGuard guard : guards) {
                if (guard instanceof CreationGuard.TrialLimit limit) {
                    if (s.trials.size() >= limit.maxTrials()) {
                        return Optional.empty();
                    }
                } else if (guard instanceof CreationGuard.Ticket ticket) {
                    Object current = s.systemAttrs.get(ticket.counterKey());
                    long next = current instanceof Number n ? n.longValue() : 0L;
                    if (next >= ticket.limit()) {
                        return Optional.empty();
                    }
                    tickets.put(ticket.counterKey(), next);
                }
            }
            if (template != null) {
                for (Map.Entry<String, Distribution> e :
                        template.distributions().entrySet()) {
                    checkCompatible(s, e.getKey(), e.getValue());
                }
            }
            MutableTrial fields = template == null
                    ? new MutableTrial().state(TrialState.RUNNING).datetimeStart(Instant.now())
                    : MutableTrial.of(template);
            fields.id(nextTrialId++).number(s.trials.size());
            if (template != null) {
                template.distributions().forEach((name, d) -> s.firstDistributions.putIfAbsent(name, d));
            }
            for (CreationGuard guard : guards) {
                if (guard instanceof CreationGuard.Ticket ticket) {
                    long taken = tickets.get(ticket.counterKey());
                    s.systemAttrs.put(ticket.counterKey(), JsonValues.copy(taken + 1));
                    fields.systemAttr(ticket.trialKey(), JsonValues.copy(taken));
                }
            }
            TrialRecord t = new TrialRecord(fields, s);
            s.add(t);
            trialsById.put(t.id(), t);
            return Optional.of(t.snapshot());
        }
    }

    @Override
    public Optional<FrozenTrial> popWaitingTrial(long studyId) {
        synchronized (lock) {
            TrialRecord t = study(studyId).waiting.poll();
            if (t == null) {
                return Optional.empty();
            }
            t.fields.state(TrialState.RUNNING).datetimeStart(Instant.now());
            t.changed();
            return Optional.of(t.snapshot());
        }
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        NameRules.require("parameter name", name);
        synchronized (lock) {
            TrialRecord t = unfinished(trialId);
            if (t.fields.hasParam(name)) {
                throw new IllegalArgumentException("Trial " + t.number() + " already has parameter '" + name + "'");
            }
            checkCompatible(t.study, name, distribution);
            Object external = distribution.toExternal(internalValue);
            t.study.firstDistributions.putIfAbsent(name, distribution);
            t.fields.param(name, distribution, external);
            t.changed();
        }
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        synchronized (lock) {
            TrialRecord t = unfinished(trialId);
            t.fields.intermediateValue(step, value);
            t.changed();
        }
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        Object copy = JsonValues.copy(value);
        synchronized (lock) {
            TrialRecord t = unfinished(trialId);
            t.fields.userAttr(requireKey(key), copy);
            t.changed();
        }
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        Object copy = JsonValues.copy(value);
        synchronized (lock) {
            TrialRecord t = unfinished(trialId);
            t.fields.systemAttr(requireKey(key), copy);
            t.changed();
        }
    }

    @Override
    public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("finishTrial: state " + state + " is not a finished state");
        }
        List<Double> copy = values == null ? List.of() : List.copyOf(values);
        synchronized (lock) {
            TrialRecord t = trialRecord(trialId);
            if (t.state().isFinished()) {
                return false;
            }
            if (t.state() == TrialState.WAITING) {
                throw new IllegalStateException("Trial " + t.number() + " is WAITING; only a RUNNING trial can finish");
            }
            t.fields.state(state).values(copy).datetimeComplete(Instant.now());
            t.changed();
            return true;
        }
    }

    @Override
    public FrozenTrial trial(long trialId) {
        synchronized (lock) {
            return trialRecord(trialId).snapshot();
        }
    }

    @Override
    public long trialId(long studyId, int number) {
        synchronized (lock) {
            List<TrialRecord> trials = study(studyId).trials;
            if (number < 0 || number >= trials.size()) {
                throw new IllegalArgumentException("Study '" + study(studyId).name + "' has no trial number " + number
                        + " (it has " + trials.size() + " trials)");
            }
            return trials.get(number).id();
        }
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        synchronized (lock) {
            StudyRecord s = study(studyId);
            int mask = 0;
            for (TrialState state : states) {
                mask |= 1 << state.ordinal();
            }
            List<FrozenTrial> cached = s.listings.get(mask);
            if (cached != null) {
                return cached;
            }
            s.refresh();
            int size = s.trials.size();
            FrozenTrial[] out;
            if ((mask & ALL_STATES) == ALL_STATES) {
                out = Arrays.copyOf(s.snapshots, size); // samplers list every trial: one block copy
            } else {
                int count = 0;
                for (int i = 0; i < size; i++) {
                    count += mask >>> s.states[i] & 1;
                }
                out = new FrozenTrial[count];
                for (int i = 0, j = 0; j < count; i++) {
                    if ((mask >>> s.states[i] & 1) != 0) {
                        out[j++] = s.snapshots[i];
                    }
                }
            }
            List<FrozenTrial> listing = Collections.unmodifiableList(Arrays.asList(out));
            s.listings.put(mask, listing);
            return listing;
        }
    }

    @Override
    public int trialCount(long studyId) {
        synchronized (lock) {
            return study(studyId).trials.size();
        }
    }

    private StudyRecord study(long studyId) {
        StudyRecord s = studies.get(studyId);
        if (s == null) {
            throw new UnknownStudyException("with id " + studyId);
        }
        return s;
    }

    private TrialRecord trialRecord(long trialId) {
        TrialRecord t = trialsById.get(trialId);
        if (t == null) {
            throw new IllegalArgumentException("No trial with id " + trialId + " in the storage");
        }
        return t;
    }

    private TrialRecord unfinished(long trialId) {
        TrialRecord t = trialRecord(trialId);
        if (t.state().isFinished()) {
            throw new IllegalStateException(
                    "Trial " + t.number() + " is already finished (" + t.state() + ") and cannot be changed");
        }
        return t;
    }

    private static void checkCompatible(StudyRecord s, String name, Distribution distribution) {
        Distribution first = s.firstDistributions.get(name);
        if (first != null) {
            Distribution.requireCompatible(name, first, distribution);
        }
    }

    private static String requireKey(String key) {
        return NameRules.require("attribute key", key);
    }
}
