package io.tunekit.storage.jdbc;

import java.time.Duration;

/**
 * Settings of a {@link JdbcStorage}; see {@link Storages.Builder}.
 *
 * @param heartbeatInterval {@code null}: no heartbeats
 * @param gracePeriod {@code null}: two heartbeat intervals
 */
record StorageSettings(
        Duration heartbeatInterval,
        Duration gracePeriod,
        Duration busyTimeout,
        int poolSize,
        int maxAttempts,
        String libraryVersion,
        SchemaRevision schemaRevision,
        OptunaSchema.Access access) {

    /** The grace period in effect, if heartbeats are on. */
    Duration effectiveGracePeriod() {
        return gracePeriod != null ? gracePeriod : heartbeatInterval == null ? null : heartbeatInterval.multipliedBy(2);
    }
}
