package io.tunekit.benchmarks.dashboard;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.dashboard.Browser;
import io.tunekit.dashboard.DashboardServer;
import io.tunekit.dashboard.Report;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dashboard}: the dashboard at scale. Fills a SQLite study with N trials (a realistic mix:
 * four parameters, 90% complete, 5% pruned with learning curves, 5% failed; one in ten complete
 * trials with a learning curve too), serves it, and measures in headless Chromium the study
 * page's first paint and the time until the history chart holds every trial (cold: the server's
 * first read of the study; warm: later loads), the trials table's sort and paging, the server's
 * heap after a full GC before and after the loads and after many polls, and the one-file report's
 * size, write time and drawing time from disk.
 */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description =
                "Dashboard at scale: first paint of a large study in headless Chromium, server heap, report size.")
public final class DashboardCommand implements Callable<Integer> {

    @Option(
            names = "--trials",
            defaultValue = "50000",
            description = "Trials in the study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--warm-loads",
            defaultValue = "3",
            description = "Page loads after the first (default: ${DEFAULT-VALUE}).")
    int warmLoads;

    @Option(
            names = "--polls",
            defaultValue = "200",
            description = "Live polls to measure the heap after (default: ${DEFAULT-VALUE}).")
    int polls;

    @Option(
            names = "--dir",
            defaultValue = "bench-results/dashboard-work",
            description = "Scratch directory: the database (kept and reused when it holds the study) and the report.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        Path db = dir.resolve("dashboard-" + trials + ".db");
        String url = "sqlite:" + db;
        String name = "scale-" + trials;
        fill(url, name);

        try (Storage storage = Storages.open(url);
                DashboardServer server =
                        DashboardServer.builder().storage(storage).port(0).start();
                Browser chromium = Browser.start()
                        .orElseThrow(() -> new IllegalStateException("Chromium and chromedriver are not installed"))) {
            chromium.driver
                    .manage()
                    .timeouts()
                    .pageLoadTimeout(Duration.ofMinutes(2))
                    .scriptTimeout(Duration.ofMinutes(2));
            long heapIdle = heapAfterGc();
            String page = server.uri() + "study?name=" + name;
            List<Map<String, Object>> loads = new ArrayList<>();
            for (int i = 0; i <= warmLoads; i++) {
                Map<String, Object> t = loadStudyPage(chromium, page, trials);
                loads.add(t);
                System.out.printf(
                        "%s load: first contentful paint %.0f ms, history chart with %,d trials drawn %.0f ms after navigation start%n",
                        i == 0 ? "cold" : "warm", ms(t, "fcp"), trials, ms(t, "historyDrawn"));
            }
            long heapLoaded = heapAfterGc();
            Map<String, Object> table = tableTimings(chromium);
            System.out.printf(
                    "trials table: open %.0f ms, sort by value %.0f ms, next page %.0f ms, filter by state %.0f ms%n",
                    ms(table, "open"), ms(table, "sort"), ms(table, "next"), ms(table, "filter"));

            HttpClient http = HttpClient.newHttpClient();
            URI poll = URI.create(server.uri() + "api/studies/" + name + "/trials?since=" + trials);
            long pollStart = System.nanoTime();
            for (int i = 0; i < polls; i++) {
                http.send(HttpRequest.newBuilder(poll).build(), HttpResponse.BodyHandlers.discarding());
            }
            double pollMs = (System.nanoTime() - pollStart) / 1e6 / polls;
            long heapPolled = heapAfterGc();
            System.out.printf("live poll with nothing new: %.2f ms each (%d polls)%n", pollMs, polls);
            System.out.printf(
                    "server heap after GC: %.0f MB with the storage open, %.0f MB after %d page loads, %.0f MB after %d polls "
                            + "(max heap %.0f MB)%n",
                    mb(heapIdle),
                    mb(heapLoaded),
                    warmLoads + 1,
                    mb(heapPolled),
                    polls,
                    mb(Runtime.getRuntime().maxMemory()));

            Path report = dir.resolve("report-" + trials + ".html");
            long writeStart = System.nanoTime();
            Report.write(storage, name, report);
            double writeMs = (System.nanoTime() - writeStart) / 1e6;
            long size = Files.size(report);
            Map<String, Object> fromDisk =
                    loadStudyPage(chromium, report.toUri().toString(), trials);
            System.out.printf(
                    "report: %,d bytes (%.2f MB) written in %.0f ms; from disk, history chart drawn %.0f ms after navigation start%n",
                    size, size / 1e6, writeMs, ms(fromDisk, "historyDrawn"));
        }
        return 0;
    }

    /** Creates the study unless the database already holds it with every trial. */
    private void fill(String url, String name) {
        try (Storage storage = Storages.open(url)) {
            if (storage.findStudy(name).isPresent()) {
                Study existing = Study.load(name, storage);
                if (existing.trials().size() == trials) {
                    System.out.printf("reusing %s with %,d trials%n", url, trials);
                    return;
                }
                storage.deleteStudy(storage.findStudy(name).getAsLong());
            }
            long start = System.nanoTime();
            Study study = Study.builder()
                    .name(name)
                    .direction(Direction.MINIMIZE)
                    .storage(storage)
                    .build();
            SplittableRandom random = new SplittableRandom(42);
            FloatDistribution x = FloatDistribution.of(-5, 5);
            FloatDistribution lr = FloatDistribution.logScale(1e-5, 1);
            CategoricalDistribution kind = CategoricalDistribution.of("linear", "tree", "net");
            IntDistribution depth = IntDistribution.of(1, 12);
            Instant t0 = Instant.now().minusSeconds(trials);
            for (int i = 0; i < trials; i++) {
                double xv = random.nextDouble(-5, 5);
                double lrv = Math.exp(random.nextDouble(Math.log(1e-5), 0));
                String kv = List.of("linear", "tree", "net").get(random.nextInt(3));
                int dv = 1 + random.nextInt(12);
                double value = xv * xv + Math.abs(Math.log10(lrv) + 3) + 0.1 * dv + random.nextDouble();
                double roll = random.nextDouble();
                TrialState state =
                        roll < 0.05 ? TrialState.FAIL : roll < 0.10 ? TrialState.PRUNED : TrialState.COMPLETE;
                Instant begin = t0.plusMillis(i * 1000L + random.nextInt(500));
                FrozenTrial.Builder b = FrozenTrial.builder()
                        .state(state)
                        .param("x", x, xv)
                        .param("lr", lr, lrv)
                        .param("kind", kind, kv)
                        .param("depth", depth, dv)
                        .datetimeStart(begin)
                        .datetimeComplete(begin.plusMillis(200 + random.nextInt(3000)));
                boolean curve = state == TrialState.PRUNED || (state == TrialState.COMPLETE && random.nextInt(10) == 0);
                int steps = state == TrialState.PRUNED ? 3 : 5;
                for (int s = 0; curve && s < steps; s++) {
                    b.intermediateValue(s, value + 4.0 / (s + 1));
                }
                if (state == TrialState.COMPLETE) {
                    b.values(value);
                } else if (state == TrialState.FAIL) {
                    b.systemAttr(FrozenTrial.FAIL_REASON_KEY, "diverged");
                }
                study.addTrial(b.build());
            }
            System.out.printf("filled %s with %,d trials in %.0f s%n", url, trials, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Opens a study page (served or a report file) and waits until the history chart is drawn;
     * returns the first contentful paint and the time the chart was drawn, in ms after navigation
     * start.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadStudyPage(Browser chromium, String url, int trials) {
        chromium.open("about:blank");
        chromium.open(url);
        chromium.waitFor(
                "the history chart of " + trials + " trials",
                "return window.tunekit && window.tunekit.timings.historyDrawn ? true : null",
                Duration.ofMinutes(2));
        return (Map<String, Object>) chromium.js("var p = performance.getEntriesByName('first-contentful-paint')[0];"
                + "return {fcp: p ? p.startTime : -1, historyDrawn: window.tunekit.timings.historyDrawn};");
    }

    /** Opens the trials tab, sorts by value, pages on and filters by state, timing each in the page. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tableTimings(Browser chromium) {
        return (Map<String, Object>)
                chromium.js("function t(f) { var s = performance.now(); f(); return performance.now() - s; }"
                        + "var out = {};"
                        + "out.open = t(function () { document.querySelector(\"#tabs button[data-tab='trials']\").click(); });"
                        + "out.sort = t(function () { document.querySelector(\"#trial-table th[data-key='value0']\").click(); });"
                        + "out.next = t(function () { document.getElementById('page-next').click(); });"
                        + "out.filter = t(function () { document.querySelector(\"#trial-filters input[data-state='COMPLETE']\").click(); });"
                        + "return out;");
    }

    private static double ms(Map<String, Object> timings, String key) {
        return ((Number) timings.get(key)).doubleValue();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
