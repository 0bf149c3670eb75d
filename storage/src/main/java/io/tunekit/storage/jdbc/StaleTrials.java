package io.tunekit.storage.jdbc;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Heartbeats and the stale-trial sweep, on the database clock Optuna uses (so that Tunekit and
 * Optuna workers, in whatever time zones, judge each other's trials alike). A trial is failed
 * only if its heartbeat is still older than the grace period inside the failing transaction,
 * and only by one sweeper (a conditional update).
 */
final class StaleTrials {

    private final Transactions tx;
    private final Dialect dialect;
    private final Dialect.Clock clock;
    private final TrialLoader loader;
    private final Duration grace;

    StaleTrials(Transactions tx, Dialect dialect, Dialect.Clock clock, TrialLoader loader, Duration grace) {
        this.tx = tx;
        this.dialect = dialect;
        this.clock = clock;
        this.loader = loader;
        this.grace = grace;
    }

    /** Writes (or refreshes) the trial's heartbeat, inside the caller's transaction. */
    void beat(Session c, long trialId) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, " + clock.now()
                + ")" + dialect.upsert("trial_id", "heartbeat"));
        ps.setLong(1, trialId);
        ps.executeUpdate();
    }

    /**
     * Fails those of the given running trials whose heartbeat is older than the grace period.
     *
     * @return the trials this call failed
     */
    List<FrozenTrial> failStale(List<FrozenTrial> running) {
        if (running.isEmpty()) {
            return List.of();
        }
        StringBuilder ids = new StringBuilder();
        for (FrozenTrial t : running) {
            ids.append(ids.length() == 0 ? "" : ",").append(t.id());
        }
        List<Long> stale = tx.read("look for stale trials", c -> {
            LocalDateTime now = now(c);
            List<Long> out = new ArrayList<>();
            try (Statement s = c.statement();
                    ResultSet rs = s.executeQuery(
                            "SELECT trial_id, heartbeat FROM trial_heartbeats WHERE trial_id IN (" + ids + ")")) {
                while (rs.next()) {
                    LocalDateTime beat = dialect.getDatetime(rs, "heartbeat");
                    if (beat != null && Duration.between(beat, now).compareTo(grace) > 0) {
                        out.add(rs.getLong("trial_id"));
                    }
                }
            }
            return out;
        });
        List<FrozenTrial> failed = new ArrayList<>();
        for (long id : stale) {
            failIfStill(id).ifPresent(failed::add);
        }
        return failed;
    }

    private Optional<FrozenTrial> failIfStill(long id) {
        return tx.write("fail stale trial id " + id, c -> {
            LocalDateTime threshold = now(c).minus(grace);
            PreparedStatement ps = c.prepare("UPDATE trials SET state = ?, datetime_complete = ? "
                    + "WHERE trial_id = ? AND state = 'RUNNING' AND EXISTS (SELECT 1 FROM trial_heartbeats h "
                    + "WHERE h.trial_id = ? AND h.heartbeat < ?)");
            ps.setString(1, TrialState.FAIL.name());
            dialect.setInstant(ps, 2, Instant.now());
            ps.setLong(3, id);
            ps.setLong(4, id);
            dialect.setDatetime(ps, 5, threshold);
            return ps.executeUpdate() == 1
                    ? Optional.of(loader.load(c, "trial_id = ?", id).get(0))
                    : Optional.<FrozenTrial>empty();
        });
    }

    private LocalDateTime now(Session c) throws SQLException {
        try (Statement s = c.statement();
                ResultSet rs = s.executeQuery("SELECT " + clock.now() + " AS now")) {
            rs.next();
            return dialect.getDatetime(rs, "now");
        }
    }
}
