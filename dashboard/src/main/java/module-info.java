/**
 * The dashboard: a read-only web server for the studies of a storage ({@link
 * io.tunekit.dashboard.DashboardServer}), one-file HTML reports ({@link io.tunekit.dashboard.Report})
 * and the picocli options of both ({@link io.tunekit.dashboard.ServeOptions}, {@link
 * io.tunekit.dashboard.ReportOptions}), which the {@code tunekit} command line mixes in.
 */
module io.tunekit.dashboard {
    requires transitive io.tunekit.core; // Study and Storage in the API
    requires io.tunekit.storage;
    requires io.tunekit.analysis;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.logging;
    requires jdk.httpserver;

    exports io.tunekit.dashboard;

    // picocli creates the jar's commands and sets the options' fields reflectively.
    opens io.tunekit.dashboard to
            info.picocli;
}
