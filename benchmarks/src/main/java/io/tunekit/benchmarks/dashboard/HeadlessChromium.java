package io.tunekit.benchmarks.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The installed Chromium, headless, kept off the network, driven through chromedriver. */
final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static HeadlessChromium start() throws IOException {
        String chromium = first(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser"), "Chromium");
        String chromedriver = first(List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"), "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("tunekit-bench-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2)).scriptTimeout(Duration.ofMinutes(2));
        return new HeadlessChromium(driver);
    }

    private static String first(List<String> candidates, String what) {
        return candidates.stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(what + " is not installed (looked at " + candidates + ")"));
    }

    /**
     * Opens a study page (served or a report file) and waits until the history chart holds every
     * complete trial; returns the first contentful paint and the time the chart was drawn, both in
     * ms after navigation start.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> loadStudyPage(String url, int trials) {
        driver.get("about:blank");
        driver.get(url);
        new WebDriverWait(driver, Duration.ofMinutes(2))
                .until(d -> js("return window.tunekit && window.tunekit.timings.historyDrawn ? true : null"));
        return (Map<String, Object>) js("var p = performance.getEntriesByName('first-contentful-paint')[0];"
                + "return {fcp: p ? p.startTime : -1, historyDrawn: window.tunekit.timings.historyDrawn};");
    }

    /** Opens the trials tab, sorts by value, pages on and filters by state, timing each in the page. */
    @SuppressWarnings("unchecked")
    Map<String, Object> tableTimings() {
        return (Map<String, Object>) js("function t(f) { var s = performance.now(); f(); return performance.now() - s; }"
                + "var out = {};"
                + "out.open = t(function () { document.querySelector(\"#tabs button[data-tab='trials']\").click(); });"
                + "out.sort = t(function () { document.querySelector(\"#trial-table th[data-key='value0']\").click(); });"
                + "out.next = t(function () { document.getElementById('page-next').click(); });"
                + "out.filter = t(function () { document.querySelector(\"#trial-filters input[data-state='COMPLETE']\").click(); });"
                + "return out;");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
