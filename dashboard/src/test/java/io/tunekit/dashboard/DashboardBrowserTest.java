package io.tunekit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.analysis.importance.Importance;
import io.tunekit.analysis.importance.ParamImportances;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pages in headless Chromium, over studies written by real optimize runs: every chart is
 * drawn with as many points as the data has (read from ECharts' own option), the console stays
 * clean, markup in names renders as text, odd studies get a message, and the one-file report
 * draws the same charts from disk. Skipped only where no Chromium is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Storage storage;
    private DashboardServer server;
    private Browser browser;
    private Map<String, Study> studies;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        assumeTrue(Browser.available(), "no Chromium and chromedriver on this machine");
        storage = Storages.open("sqlite:" + dir.resolve("studies.db"));
        studies = StudyFixtures.all(storage);
        server = DashboardServer.builder().storage(storage).port(0).start();
        browser = Browser.start().orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (storage != null) {
            storage.close();
        }
    }

    private String studyUrl(String name) {
        return server.uri() + "study?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void openTab(String tab) {
        browser.driver
                .findElement(By.cssSelector("#tabs button[data-tab='" + tab + "']"))
                .click();
        browser.waitFor(
                "tab " + tab,
                "return document.getElementById('panel').getAttribute('data-tab') === '" + tab + "'",
                WAIT);
    }

    private void openStudy(String url) {
        browser.open(url);
        browser.waitFor(
                "the study page at " + url,
                "return !!document.getElementById('panel') || !!document.querySelector('.message')",
                WAIT);
    }

    @Test
    void singleObjectiveStudyDrawsEveryChartWithAllItsPoints() {
        Study study = studies.get(StudyFixtures.SINGLE);
        openStudy(studyUrl(study.name()));
        assertCharts(study, "single");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /** The charts of a single-objective study, checked against the study's trials. */
    private void assertCharts(Study study, String screenshotPrefix) {
        List<FrozenTrial> trials = study.trials();
        List<FrozenTrial> complete =
                trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        assertThat(trials).anyMatch(t -> t.state() == TrialState.PRUNED).anyMatch(t -> t.state() == TrialState.FAIL);
        assertThat(browser.driver.findElement(By.id("trial-count")).getText()).isEqualTo(String.valueOf(trials.size()));

        // The best-value line has a point at each improvement and one where it ends.
        int improvements = 0;
        boolean endsOnImprovement = false;
        double best = Double.NaN;
        for (FrozenTrial t : complete) {
            endsOnImprovement = Double.isNaN(best) || study.direction().isBetter(t.value(), best);
            if (endsOnImprovement) {
                best = t.value();
                improvements++;
            }
        }
        Map<String, Long> history = browser.seriesLengths("chart-history");
        assertThat(history)
                .containsEntry("Objective value", (long) complete.size())
                .containsEntry("Best value", (long) improvements + (endsOnImprovement ? 0 : 1));
        browser.screenshot(screenshotPrefix + "-history");

        openTab("trials");
        assertThat(browser.driver.findElement(By.id("page-info")).getText()).contains("of " + trials.size());
        assertThat(browser.driver.findElements(By.cssSelector("#trial-table tbody tr")))
                .hasSize(Math.min(50, trials.size()));
        FrozenTrial failed = trials.stream()
                .filter(t -> t.state() == TrialState.FAIL)
                .findFirst()
                .orElseThrow();
        browser.driver
                .findElement(By.cssSelector("#trial-filters input[data-state='COMPLETE']"))
                .click();
        browser.driver
                .findElement(By.cssSelector("#trial-filters input[data-state='PRUNED']"))
                .click();
        long notCompleteOrPruned = trials.stream()
                .filter(t -> t.state() != TrialState.COMPLETE && t.state() != TrialState.PRUNED)
                .count();
        assertThat(browser.driver.findElement(By.id("page-info")).getText())
                .contains("of " + notCompleteOrPruned + " ");
        browser.driver
                .findElement(By.cssSelector("#trial-table tr[data-number='" + failed.number() + "']"))
                .click();
        WebElement detail = browser.driver.findElement(By.id("trial-detail"));
        assertThat(detail.getText()).contains("Trial " + failed.number()).contains("diverged at x=");
        browser.screenshot(screenshotPrefix + "-trials");
        browser.driver
                .findElement(By.cssSelector("#trial-filters input[data-state='COMPLETE']"))
                .click();
        browser.driver
                .findElement(By.cssSelector("#trial-filters input[data-state='PRUNED']"))
                .click();

        openTab("intermediate");
        Map<String, Long> curves = browser.seriesLengths("chart-intermediate");
        long reported =
                trials.stream().mapToLong(t -> t.intermediateValues().size()).sum();
        assertThat(curves.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(reported);
        assertThat(curves).containsKeys("complete", "pruned");
        browser.screenshot(screenshotPrefix + "-intermediate");

        openTab("parallel");
        assertThat(browser.seriesLengths("chart-parallel")).containsEntry("Trials", (long) complete.size());
        browser.screenshot(screenshotPrefix + "-parallel");

        openTab("slice");
        assertThat(browser.seriesLengths("chart-slice")).containsEntry("x", (long) complete.size());
        browser.screenshot(screenshotPrefix + "-slice");

        openTab("contour");
        assertThat(browser.seriesLengths("chart-contour"))
                .containsEntry("Trials", (long) complete.size())
                .containsEntry("Interpolated", 1600L);
        browser.screenshot(screenshotPrefix + "-contour");

        openTab("edf");
        assertThat(browser.seriesLengths("chart-edf")).containsValue((long) complete.size());
        browser.screenshot(screenshotPrefix + "-edf");

        openTab("timeline");
        Map<String, Long> timeline = browser.seriesLengths("chart-timeline");
        assertThat(timeline.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(trials.size());
        browser.screenshot(screenshotPrefix + "-timeline");

        openTab("importance");
        browser.waitFor("the importance chart", "return !!document.getElementById('chart-importance')", WAIT);
        ParamImportances importances = Importance.of(study);
        assertThat(browser.seriesLengths("chart-importance"))
                .containsEntry("Importance", (long) importances.ranking().size());
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('chart-importance'))"
                        + ".getOption().yAxis[0].data.slice().reverse()"))
                .isEqualTo(importances.names());
        browser.screenshot(screenshotPrefix + "-importance");

        openTab("pareto");
        assertThat(browser.driver.findElement(By.cssSelector("#panel .message")).getText())
                .contains("one objective");
        openTab("history");
    }

    @Test
    void multiObjectiveStudyDrawsParetoFrontsWithFeasibility() {
        Study study = studies.get(StudyFixtures.MULTI);
        openStudy(studyUrl(study.name()));
        openTab("pareto");
        List<FrozenTrial> complete = study.trials(Set.of(TrialState.COMPLETE));
        List<FrozenTrial> front = study.bestTrials();
        long infeasible = complete.stream().filter(t -> !t.isFeasible()).count();
        assertThat(infeasible).isPositive();
        Map<String, Long> twoD = browser.seriesLengths("chart-pareto2d");
        assertThat(twoD).containsEntry("Pareto front", (long) front.size()).containsEntry("Infeasible", infeasible);
        assertThat(twoD.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(complete.size());
        Map<String, Long> threeD = browser.seriesLengths("chart-pareto3d");
        assertThat(threeD).containsEntry("Pareto front", (long) front.size()).containsEntry("Infeasible", infeasible);
        browser.screenshot("multi-pareto");
        browser.js("document.getElementById('chart-pareto3d').scrollIntoView()");
        browser.screenshot("multi-pareto-3d");
        openTab("history");
        assertThat(browser.seriesLengths("chart-history"))
                .containsEntry("Objective value", complete.size() - infeasible)
                .containsEntry("Infeasible", infeasible);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void markupInNamesParamsChoicesAndAttributesRendersAsText() {
        browser.open(server.uri().toString());
        browser.waitFor("the studies table", "return !!document.getElementById('studies')", WAIT);
        WebElement link = browser.driver.findElement(By.linkText(StudyFixtures.XSS));
        assertThat(link.getText()).isEqualTo(StudyFixtures.XSS);
        browser.screenshot("studies");
        link.click();
        browser.waitFor("the study page", "return !!document.getElementById('trial-count')", WAIT);
        assertThat(browser.driver.findElement(By.id("study-name")).getText()).isEqualTo(StudyFixtures.XSS);
        assertThat(browser.driver.getTitle()).startsWith(StudyFixtures.XSS);
        openTab("trials");
        browser.driver.findElement(By.cssSelector("#trial-table tbody tr")).click();
        String detail = browser.driver.findElement(By.id("trial-detail")).getText();
        assertThat(detail)
                .contains(StudyFixtures.XSS_PARAM)
                .contains("<u>key</u>")
                .contains("<script>alert(4)</script>");
        assertThat(browser.driver.findElement(By.id("trial-table")).getText()).contains(StudyFixtures.XSS_PARAM);
        // Nothing of the markup became an element.
        assertThat(browser.driver.findElements(By.cssSelector("#app img, #app b, #app u, #app i, #app script")))
                .isEmpty();
        browser.screenshot("markup-trials");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void oddStudiesShowAMessageOnEveryTab() {
        Map<String, String> expected = Map.of(
                StudyFixtures.EMPTY, "no trials yet",
                StudyFixtures.ONLY_FAIL, "No trial has completed",
                StudyFixtures.NON_FINITE, "NaN or infinite",
                StudyFixtures.WIDE, "Showing 10 of 200 parameters",
                StudyFixtures.CONDITIONAL, "lack");
        Map<String, String> tabForMessage = Map.of(
                StudyFixtures.EMPTY, "history",
                StudyFixtures.ONLY_FAIL, "history",
                StudyFixtures.NON_FINITE, "history",
                StudyFixtures.WIDE, "parallel",
                StudyFixtures.CONDITIONAL, "contour");
        for (String name : expected.keySet()) {
            openStudy(studyUrl(name));
            List<String> texts = new ArrayList<>();
            for (String tab : List.of(
                    "history",
                    "trials",
                    "intermediate",
                    "parallel",
                    "slice",
                    "contour",
                    "edf",
                    "timeline",
                    "importance",
                    "pareto")) {
                openTab(tab);
                String panel = browser.driver.findElement(By.id("panel")).getText();
                boolean drawn = !browser.driver
                                .findElements(By.cssSelector("#panel canvas"))
                                .isEmpty()
                        || !browser.driver
                                .findElements(By.cssSelector("#panel table"))
                                .isEmpty();
                assertThat(drawn || !panel.isBlank())
                        .as(name + " / " + tab + " is blank")
                        .isTrue();
                if (tab.equals(tabForMessage.get(name))) {
                    texts.add(
                            panel + browser.driver.findElement(By.id("summary")).getText());
                    browser.screenshot("odd-" + name.replace(' ', '-'));
                }
            }
            assertThat(String.join("\n", texts)).as(name).containsIgnoringCase(expected.get(name));
            assertThat(browser.consoleProblems()).as(name).isEmpty();
        }
        openStudy(studyUrl("no such study"));
        assertThat(browser.driver.findElement(By.cssSelector(".message")).getText())
                .contains("There is no study named 'no such study'");
        browser.screenshot("odd-unknown-study");
        // The one console line: the browser's own note of the API's 404, the answer the page shows.
        assertThat(browser.consoleProblems()).singleElement().asString().contains("404");
    }

    @Test
    void reportOpenedFromDiskDrawsTheSameCharts() throws Exception {
        Study study = studies.get(StudyFixtures.SINGLE);
        Path report = Path.of("target", "reports", "single-objective.html").toAbsolutePath();
        Report.write(study, report);
        browser.consoleProblems();
        openStudy(report.toUri().toString());
        assertCharts(study, "report");
        assertThat(browser.consoleProblems()).isEmpty();

        Path markup = Path.of("target", "reports", "markup.html").toAbsolutePath();
        Report.write(storage, StudyFixtures.XSS, markup);
        assertThat(Files.readString(markup)).doesNotContain(StudyFixtures.XSS).doesNotContain("alert(4)</script>");
        openStudy(markup.toUri().toString());
        assertThat(browser.driver.findElement(By.id("study-name")).getText()).isEqualTo(StudyFixtures.XSS);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void theLivePageShowsTrialsAnotherProcessAddsWithoutAReload(@TempDir Path liveDir) throws Exception {
        String url = "sqlite:" + liveDir.resolve("live.db");
        try (Storage liveStorage = Storages.open(url);
                DashboardServer liveServer =
                        DashboardServer.builder().storage(liveStorage).port(0).start()) {
            Study study = Study.builder().name("live").storage(liveStorage).build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), 5);
            openStudy(liveServer.uri() + "study?name=live");
            browser.waitFor("5 trials", "return document.getElementById('trial-count').textContent === '5'", WAIT);
            browser.js("window.__notReloaded = true;");

            Process worker = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            AddTrials.class.getName(),
                            url,
                            "live",
                            "3")
                    .redirectErrorStream(true)
                    .redirectOutput(liveDir.resolve("worker.log").toFile())
                    .start();
            assertThat(worker.waitFor())
                    .as(Files.readString(liveDir.resolve("worker.log")))
                    .isZero();

            browser.waitFor(
                    "the other process's trials",
                    "return document.getElementById('trial-count').textContent === '9'",
                    WAIT);
            assertThat(browser.js("return window.__notReloaded === true")).isEqualTo(true);
            assertThat(browser.driver.findElement(By.id("state-counts")).getText())
                    .contains("complete 8")
                    .contains("running 1");
            assertThat(browser.seriesLengths("chart-history")).containsEntry("Objective value", 8L);

            study.tell(8, 0.123); // the running trial finishes: the page re-reads it
            browser.waitFor(
                    "trial 8 complete",
                    "return document.getElementById('state-counts').textContent.indexOf('complete 9') >= 0",
                    WAIT);
            assertThat(browser.seriesLengths("chart-history")).containsEntry("Objective value", 9L);
            assertThat(browser.js("return window.__notReloaded === true")).isEqualTo(true);
            browser.screenshot("live");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    static Set<String> names(List<FrozenTrial> trials) {
        Set<String> out = new LinkedHashSet<>();
        trials.forEach(t -> out.addAll(t.params().keySet()));
        return out;
    }
}
