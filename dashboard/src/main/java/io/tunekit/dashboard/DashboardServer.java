package io.tunekit.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tunekit.FrozenTrial;
import io.tunekit.Studies;
import io.tunekit.Study;
import io.tunekit.StudySummary;
import io.tunekit.storage.Storage;
import io.tunekit.storage.StorageException;
import io.tunekit.storage.UnknownStudyException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard: a read-only HTTP server for the studies of one storage, with the pages and the
 * JSON API under {@code /api/} that the module README documents.
 *
 * <pre>{@code
 * try (DashboardServer server = DashboardServer.builder().storageUrl("sqlite:tunekit.db").start()) {
 *     System.out.println("Dashboard at " + server.uri());
 *     ...
 * }
 * }</pre>
 *
 * <p>Guarantees: it binds to 127.0.0.1 unless told otherwise, and then answers only requests
 * addressed to a loopback name (a web page elsewhere cannot reach it through DNS rebinding); it
 * answers only GET and HEAD and never writes to the storage; every name and value from the storage
 * reaches the page as data (JSON read by scripts that insert text, never markup).
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DashboardServer.class.getName());
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    /** Past this many unfinished trials a client asks from the oldest one on (see README). */
    static final int MAX_RUNNING_LISTED = 500;

    private final HttpServer http;
    private final ExecutorService executor;
    private final StorageAccess storage;
    private final WebAssets assets = WebAssets.load();
    private final boolean loopbackOnly;
    /** One lock per study: concurrent requests wait for one storage read instead of each doing it. */
    private final Map<String, Object> readLocks = new java.util.concurrent.ConcurrentHashMap<>();

    private DashboardServer(Builder b) throws IOException {
        this.storage = b.storage;
        InetAddress address = InetAddress.getByName(b.host);
        this.loopbackOnly = address.isLoopbackAddress();
        this.http = HttpServer.create(new InetSocketAddress(address, b.port), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "tunekit-dashboard");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        Thread warmUp = new Thread(this::warmUp, "tunekit-dashboard-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Reads every study's trials once, in the background, so that the first page a user opens
     * does not wait for the storage's first full read (seconds for a study of 50,000 trials; each
     * later read fetches only new and unfinished trials).
     */
    private void warmUp() {
        try {
            readStudies();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "warm-up read failed; pages will report the reason", e);
        }
    }

    /** A builder: the storage (required), the host (default 127.0.0.1) and the port (default 8080). */
    public static Builder builder() {
        return new Builder();
    }

    /** The address the pages are served at, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /** Stops serving and closes a storage this server opened from a URL. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        storage.close();
    }

    // ------------------------------------------------------------------ requests

    private void handle(HttpExchange ex) {
        try (ex) {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                sendError(ex, 405, "The dashboard is read-only: " + ex.getRequestMethod() + " is not allowed");
                return;
            }
            if (loopbackOnly
                    && !LOOPBACK_HOSTS.contains(hostName(ex.getRequestHeaders().getFirst("Host")))) {
                sendError(ex, 403, "This dashboard answers requests to 127.0.0.1 or localhost only");
                return;
            }
            route(ex);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "client went away", e); // a closed tab; nothing to answer
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (!path.startsWith("/api/")) {
            WebAssets.Asset asset = assets.page(path);
            if (asset == null) {
                sendError(ex, 404, "No page at " + path);
            } else {
                send(ex, 200, asset.contentType(), asset.bytes(), asset.cacheSeconds());
            }
            return;
        }
        List<String> parts = segments(path.substring("/api/".length()));
        try {
            if (parts.size() == 1 && parts.get(0).equals("studies")) {
                List<StudyAndTrials> studies = readStudies();
                sendJson(ex, g -> writeStudies(g, studies));
            } else if (parts.size() >= 2 && parts.get(0).equals("studies")) {
                Study study = Study.load(parts.get(1), storage.get());
                if (parts.size() == 2) {
                    List<FrozenTrial> trials = trials(study);
                    StudySummary summary = Studies.summaries(storage.get()).stream()
                            .filter(s -> s.name().equals(study.name()))
                            .findFirst()
                            .orElseThrow(() -> new UnknownStudyException("named '" + study.name() + "'"));
                    sendJson(ex, g -> StudyJson.writeSummary(g, summary, trials));
                } else if (parts.size() == 3 && parts.get(2).equals("trials")) {
                    sendTrials(ex, study);
                } else if (parts.size() == 4 && parts.get(2).equals("trials")) {
                    FrozenTrial t = study.trial(parseInt("trial number", parts.get(3)));
                    sendJson(ex, g -> StudyJson.writeTrialObject(g, t));
                } else if (parts.size() == 3 && parts.get(2).equals("importance")) {
                    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
                    int objective = parseInt("objective", query.getOrDefault("objective", "0"));
                    List<FrozenTrial> trials = trials(study);
                    sendJson(ex, g -> ImportanceJson.write(g, study.directions(), trials, objective));
                } else {
                    sendError(ex, 404, "No API at " + path);
                }
            } else {
                sendError(ex, 404, "No API at " + path);
            }
        } catch (UnknownStudyException e) {
            sendError(ex, 404, "There is no study named '" + parts.get(1) + "' in this storage");
        } catch (StorageException e) {
            sendError(ex, 503, "Cannot read the storage: " + causes(e));
        } catch (IllegalArgumentException e) {
            sendError(ex, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dashboard request " + path + " failed", e);
            sendError(ex, 500, "The dashboard failed to answer " + path + ": " + causes(e));
        }
    }

    /** Every trial of the study, read by one request at a time (the storage caches finished ones). */
    private List<FrozenTrial> trials(Study study) {
        synchronized (readLocks.computeIfAbsent(study.name(), n -> new Object())) {
            return study.trials();
        }
    }

    /** A study's summary with a snapshot of its trials. */
    private record StudyAndTrials(StudySummary summary, Study study, List<FrozenTrial> trials) {}

    private List<StudyAndTrials> readStudies() {
        Storage s = storage.get();
        List<StudyAndTrials> out = new ArrayList<>();
        for (StudySummary summary : Studies.summaries(s)) {
            try {
                Study study = Study.load(summary.name(), s);
                out.add(new StudyAndTrials(summary, study, trials(study)));
            } catch (UnknownStudyException deletedMeanwhile) {
                // listed, then deleted by another process: not shown
            }
        }
        return out;
    }

    private static void writeStudies(JsonGenerator g, List<StudyAndTrials> studies) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("studies");
        for (StudyAndTrials s : studies) {
            StudyJson.writeSummary(g, s.summary(), s.trials());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The trials a page has not seen: those numbered {@code since} or above, plus the unfinished
     * ones it lists in {@code running} (finished trials never change, so nothing else is sent).
     */
    private void sendTrials(HttpExchange ex, Study study) throws IOException {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        int since = query.containsKey("since") ? parseInt("since", query.get("since")) : 0;
        Set<Integer> running = new HashSet<>();
        String listed = query.getOrDefault("running", "");
        if (!listed.isEmpty()) {
            for (String n : listed.split(",")) {
                running.add(parseInt("running", n));
            }
        }
        if (running.size() > MAX_RUNNING_LISTED) {
            throw new IllegalArgumentException("running lists " + running.size() + " trials; at most "
                    + MAX_RUNNING_LISTED + " (ask with since=<the oldest unfinished trial> instead)");
        }
        List<FrozenTrial> trials = trials(study);
        sendJson(
                ex,
                g -> StudyJson.writeStudy(
                        g,
                        study,
                        trials,
                        t -> t.number() >= since || running.contains(t.number()),
                        StudyJson.Extra.NONE));
    }

    // ------------------------------------------------------------------ responses

    /** Writes a JSON body. */
    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static void sendJson(HttpExchange ex, JsonBody body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean gzip = acceptsGzip(ex);
        if (gzip) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        // The body streams (chunked): a large study is never held in memory as one string. The
        // status is sent first, so the storage is read before: errors surface as their status.
        ex.sendResponseHeaders(200, "HEAD".equals(ex.getRequestMethod()) ? -1 : 0);
        if ("HEAD".equals(ex.getRequestMethod())) {
            return;
        }
        OutputStream out = gzip
                ? new GZIPOutputStream(ex.getResponseBody(), 1 << 16)
                : new BufferedOutputStream(ex.getResponseBody(), 1 << 16);
        try (JsonGenerator g = StudyJson.generator(out)) {
            body.write(g);
        }
        out.close();
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = StudyJson.generator(buffer)) {
            StudyJson.writeError(g, message);
        }
        send(ex, status, "application/json; charset=utf-8", buffer.toByteArray(), 0);
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body, int cacheSeconds)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", cacheSeconds > 0 ? "max-age=" + cacheSeconds : "no-store");
        if (contentType.startsWith("text/html")) {
            ex.getResponseHeaders().set("Content-Security-Policy", WebAssets.SERVED_PAGE_POLICY);
        }
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            ex.getResponseBody().write(body);
        }
    }

    /**
     * Whether to compress: for a client on another machine that accepts gzip. On loopback the bytes
     * cost nothing and compressing a 50,000-trial study costs the server more than it saves.
     */
    private static boolean acceptsGzip(HttpExchange ex) {
        if (ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return false;
        }
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }

    // ------------------------------------------------------------------ parsing

    private static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/", -1)) {
            out.add(decode(s));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // a trailing slash
        }
        return out;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new java.util.HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return out;
    }

    /** Percent-decoding; a literal '+' stays a '+' (scripts encode spaces as %20). */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int parseInt(String what, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + "='" + text + "' must be an integer");
        }
    }

    /** The messages of an exception and its causes: what went wrong, without a stack trace. */
    static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
        }
        return sb.toString();
    }

    /** Settings of a {@link DashboardServer}. */
    public static final class Builder {
        private StorageAccess storage;
        private String host = "127.0.0.1";
        private int port = 8080;

        private Builder() {}

        /** Reads an open storage; the caller closes it after the server. */
        public Builder storage(Storage storage) {
            this.storage = StorageAccess.of(storage);
            return this;
        }

        /**
         * Reads the storage at a URL ({@code sqlite:PATH}, {@code jdbc:postgresql:...}, ...). It
         * is opened when a page first needs it, and again after a failure, so a dashboard started
         * before its database shows the reason and recovers by itself.
         *
         * @throws IllegalArgumentException if the URL has no accepted form
         */
        public Builder storageUrl(String url) {
            this.storage = StorageAccess.of(url);
            return this;
        }

        /**
         * Reads the storage {@code opener} opens (e.g. a command line's own URL handling), called
         * when a page first needs it and again after a failure; the server closes it.
         */
        public Builder storage(Supplier<? extends Storage> opener) {
            this.storage = StorageAccess.opening(opener);
            return this;
        }

        /** The address to bind (default 127.0.0.1; 0.0.0.0 serves every interface). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 8080; 0 picks a free one, see {@link DashboardServer#uri()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port=" + port + " must be in [0, 65535]");
            }
            this.port = port;
            return this;
        }

        /**
         * Starts serving.
         *
         * @throws IllegalStateException if no storage was given
         * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
         */
        public DashboardServer start() {
            if (storage == null) {
                throw new IllegalStateException(
                        "DashboardServer needs a storage: call storage(...) or storageUrl(...)");
            }
            try {
                return new DashboardServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot serve the dashboard at " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
