package io.tunekit.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.storage.Storage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A study as one self-contained HTML file: the study page of the dashboard with its scripts, its
 * style sheet and the study's data inlined. It opens from disk in a browser with no server and no
 * network (its Content-Security-Policy forbids every connection), which suits CI artifacts and
 * mail.
 *
 * <pre>{@code
 * study.optimize(objective, 100);
 * Report.write(study, Path.of("report.html"));
 * }</pre>
 */
public final class Report {

    /** The marker the page's script looks for: the study's data as JSON. */
    static final String DATA_ELEMENT_ID = "tunekit-data";

    private Report() {}

    /**
     * Writes the report of a study (every trial as it is now) to {@code path}, replacing the file.
     * The file appears whole or not at all: it is written beside the target and moved into place.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Study study, Path path) {
        List<FrozenTrial> trials = study.trials();
        WebAssets assets = WebAssets.load();
        String page = assets.file(WebAssets.STUDY_PAGE).text();
        String echarts = inlineScript(assets.file(WebAssets.ECHARTS).text(), WebAssets.ECHARTS);
        String script = inlineScript(assets.file(WebAssets.SCRIPT).text(), WebAssets.SCRIPT);
        String policy = "default-src 'none'; script-src " + hash(echarts) + " " + hash(script)
                + "; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";
        String head = replaceOnce(
                replaceOnce(
                        page,
                        "<link rel=\"stylesheet\" href=\"static/tunekit.css\">",
                        "<style>" + assets.file(WebAssets.STYLE).text() + "</style>"),
                "<meta charset=\"utf-8\">",
                "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">");
        head = replaceOnce(head, "<script src=\"static/echarts.min.js\"></script>", "<script>" + echarts + "</script>");
        String appTag = "<script src=\"static/tunekit.js\"></script>";
        int split = head.indexOf(appTag);
        if (split < 0) {
            throw new IllegalStateException(WebAssets.STUDY_PAGE + " has no " + appTag);
        }
        String before = head.substring(0, split) + "<script type=\"application/json\" id=\"" + DATA_ELEMENT_ID + "\">";
        String after = "</script>\n<script>" + script + "</script>" + head.substring(split + appTag.length());

        Path target = path.toAbsolutePath();
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            // Not Files.createTempFile: its file is readable by the owner only, and the move
            // would hand that to a report meant to be shared; createFile honours the umask.
            Path temp = Files.createFile(dir.resolve(".tunekit-report-" + UUID.randomUUID() + ".tmp"));
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    out.write(before.getBytes(StandardCharsets.UTF_8));
                    // The JSON escapes '<', so the data cannot end its <script> element.
                    JsonGenerator g = StudyJson.generator(out);
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    StudyJson.writeStudy(g, study, trials, t -> true, StudyJson.Extra.IMPORTANCE);
                    g.close();
                    out.write(after.getBytes(StandardCharsets.UTF_8));
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report of the study named {@code studyName} in {@code storage}.
     *
     * @throws io.tunekit.storage.UnknownStudyException if the storage has no such study
     */
    public static void write(Storage storage, String studyName, Path path) {
        write(Study.load(studyName, storage), path);
    }

    /** A script to inline: it must not contain what would end or confuse its script element. */
    private static String inlineScript(String source, String name) {
        String lower = source.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException(name + " contains </script or <!-- and cannot be inlined into a report");
        }
        return source;
    }

    private static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        if (at < 0) {
            throw new IllegalStateException(WebAssets.STUDY_PAGE + " has no " + what);
        }
        return text.substring(0, at) + with + text.substring(at + what.length());
    }
}
