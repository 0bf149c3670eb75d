package io.tunekit.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver, both found on this machine (never downloaded):
 * the flags keep it from reaching for the network, which a closed network refuses. Used by the
 * browser tests and by the benchmarks' dashboard suite.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> CHROMIUM =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /** The driver, for what this class does not wrap. */
    public final ChromeDriver driver;

    private final Path profile;

    private Browser(String chromium, String chromedriver) throws IOException {
        profile = Files.createTempDirectory("tunekit-chromium");
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
                "--allow-file-access-from-files",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** A browser, or empty where no Chromium and chromedriver are installed. */
    public static Optional<Browser> start() throws IOException {
        Optional<String> chromium =
                CHROMIUM.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        Optional<String> driver =
                DRIVER.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        if (chromium.isEmpty() || driver.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Browser(chromium.get(), driver.get()));
    }

    /** Whether Chromium and chromedriver are installed. */
    public static boolean available() {
        return CHROMIUM.stream().anyMatch(p -> Files.isExecutable(Path.of(p)))
                && DRIVER.stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
    }

    /** Loads a page. */
    public void open(String url) {
        driver.get(url);
    }

    /** Runs a script in the page and returns its value. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the script returns a truthy value. */
    public void waitFor(String what, String script, Duration timeout) {
        new WebDriverWait(driver, timeout).withMessage(what).until(d -> {
            Object r = ((JavascriptExecutor) d).executeScript(script);
            return r != null && !Boolean.FALSE.equals(r) ? r : null;
        });
    }

    /** The console's warnings and errors since the last call (a page's own errors among them). */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .collect(Collectors.toList());
    }

    /** Saves a PNG of the window under target/screenshots. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lengths of every series' data in the ECharts chart drawn in the element with this id. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> seriesLengths(String chartId) {
        Object r = js(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "if (!c) return null; var out = {};"
                        + "c.getOption().series.forEach(function (s, i) { out[s.name || ('#' + i)] = s.data.filter(function (d) { return d !== '-'; }).length; });"
                        + "return out;",
                chartId);
        return (Map<String, Long>) r;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
