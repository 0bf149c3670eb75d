package io.tunekit.storage.jdbc;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's copy of a study's trials. Finished trials never change, so once read they are
 * kept; each refresh reads only trials created since the last one plus those that were still
 * unfinished, so its cost follows the number of new and running trials, not the study's size.
 */
final class TrialCache {

    /** Past this many unfinished trials the refresh reads a range instead of an IN list. */
    private static final int MAX_IN_LIST = 500;

    final long studyId;
    /** The first distribution stored under each parameter name (Optuna's compatibility rule). */
    final Map<String, Distribution> firstDistributions = new ConcurrentHashMap<>();

    private final List<FrozenTrial> byNumber = new ArrayList<>();
    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long maxSeenId = -1;
    /** Every trial of the study with an id up to this one is known not to be WAITING. */
    private long waitingWatermark = -1;

    TrialCache(long studyId) {
        this.studyId = studyId;
    }

    /**
     * The condition (over {@code trials}) that selects what a refresh must read: the trials after
     * the newest one seen, plus the unfinished ones by id. Written as an OR of two index lookups
     * (the study index from a trial id on, and primary keys) so that the database never scans the
     * study's finished trials.
     */
    synchronized String refreshCondition() {
        String newer = "(study_id = " + studyId + " AND trial_id > " + maxSeenId + ")";
        if (unfinished.isEmpty()) {
            return newer;
        }
        if (unfinished.size() > MAX_IN_LIST) {
            return "(study_id = " + studyId + " AND trial_id >= " + unfinished.first() + ")";
        }
        StringBuilder ids = new StringBuilder();
        for (long id : unfinished) {
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        return newer + " OR trial_id IN (" + ids + ")";
    }

    /** Takes in freshly read trials. */
    synchronized void absorb(List<FrozenTrial> trials, Map<Long, FrozenTrial> finishedById) {
        for (FrozenTrial t : trials) {
            if (t.number() < 0) {
                continue; // a row without a number (never written by Optuna or Tunekit)
            }
            while (byNumber.size() <= t.number()) {
                byNumber.add(null);
            }
            FrozenTrial known = byNumber.get(t.number());
            if (known != null && known.state().isFinished()) {
                continue; // a concurrent refresh read an older snapshot; finished trials never change
            }
            byNumber.set(t.number(), t);
            maxSeenId = Math.max(maxSeenId, t.id());
            if (t.state().isFinished()) {
                unfinished.remove(t.id());
                finishedById.put(t.id(), t);
            } else {
                unfinished.add(t.id());
            }
        }
    }

    /** The known trials in the given states, ordered by number. */
    synchronized List<FrozenTrial> trials(Set<TrialState> states) {
        List<FrozenTrial> out = new ArrayList<>(byNumber.size());
        for (FrozenTrial t : byNumber) {
            if (t != null && states.contains(t.state())) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The id of the trial with this number, or -1 if it has not been read yet. */
    synchronized long idOf(int number) {
        FrozenTrial t = number >= 0 && number < byNumber.size() ? byNumber.get(number) : null;
        return t == null ? -1 : t.id();
    }

    /** The ids of the finished trials known, for eviction. */
    synchronized List<Long> knownIds() {
        List<Long> out = new ArrayList<>();
        for (FrozenTrial t : byNumber) {
            if (t != null) {
                out.add(t.id());
            }
        }
        return out;
    }

    synchronized long waitingWatermark() {
        return waitingWatermark;
    }

    synchronized void advanceWaitingWatermark(long id) {
        waitingWatermark = Math.max(waitingWatermark, id);
    }
}
