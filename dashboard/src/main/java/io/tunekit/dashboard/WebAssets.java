package io.tunekit.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The files of the pages, read once from the jar: the two HTML pages, the script and style sheet,
 * and ECharts from its webjar (served from here, so the pages never load anything from the
 * network).
 */
final class WebAssets {

    /**
     * The Content-Security-Policy of served pages: scripts and data from this server only. Even a
     * value that slipped into markup could not run a script or send anything elsewhere.
     */
    static final String SERVED_PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    static final String STUDIES_PAGE = "index.html";
    static final String STUDY_PAGE = "study.html";
    static final String SCRIPT = "tunekit.js";
    static final String STYLE = "tunekit.css";
    static final String ECHARTS = "echarts.min.js";

    /** A file to serve. */
    record Asset(String contentType, byte[] bytes, int cacheSeconds) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, Asset> byPath;

    private WebAssets(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    /** Reads every asset; a missing one is a broken build. */
    static WebAssets load() {
        String html = "text/html; charset=utf-8";
        String js = "text/javascript; charset=utf-8";
        return new WebAssets(Map.of(
                "/",
                new Asset(html, web(STUDIES_PAGE), 0),
                "/study",
                new Asset(html, web(STUDY_PAGE), 0),
                "/static/" + SCRIPT,
                new Asset(js, web(SCRIPT), 0),
                "/static/" + STYLE,
                new Asset("text/css; charset=utf-8", web(STYLE), 0),
                "/static/" + ECHARTS,
                new Asset(js, echarts(), 86400)));
    }

    /** The asset served at a path, or null. */
    Asset page(String path) {
        return byPath.get(path);
    }

    /** The asset of a file name (e.g. {@link #SCRIPT}). */
    Asset file(String name) {
        Asset a = byPath.get("/static/" + name);
        if (a == null) {
            a = byPath.get(name.equals(STUDIES_PAGE) ? "/" : "/study");
        }
        return a;
    }

    private static byte[] web(String name) {
        return resource("web/" + name);
    }

    private static byte[] echarts() {
        Properties p = new Properties();
        try (InputStream in = WebAssets.class.getResourceAsStream("dashboard.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("dashboard.properties is missing from the dashboard's jar", e);
        }
        String name = "META-INF/resources/webjars/echarts/" + p.getProperty("echarts.version") + "/dist/echarts.min.js";
        // Through the class loader: on the module path, Class.getResourceAsStream looks in this
        // module only, and the script is in the webjar (META-INF is no package, so it is not
        // encapsulated).
        ClassLoader loader = WebAssets.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        name + " is missing: the ECharts webjar is not on the class or module path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the dashboard's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
