package io.tunekit.storage.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link StorageWorker} JVMs, releases them at one instant and collects their results. */
final class Workers {

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();

    Workers(Path dir) {
        this.dir = dir;
    }

    /** Starts one worker JVM with these {@code key=value} arguments (index is added). */
    Process start(String... args) throws IOException {
        return start(StorageWorker.class, args);
    }

    /**
     * Starts one JVM running {@code main} (a worker that writes {@code ready-<index>} and waits
     * for the go file) with these {@code key=value} arguments plus {@code dir} and {@code index}.
     */
    Process start(Class<?> main, String... args) throws IOException {
        int index = processes.size();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                // sqlite-jdbc extracts its native library to the temp folder and deletes copies it
                // thinks stale; JVMs of other builds starting and exiting meanwhile made that race
                // log "Failed to delete old native lib" into a worker's stderr. A folder per test.
                "-Dorg.sqlite.tmpdir=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                main.getName(),
                "dir=" + dir,
                "index=" + index));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out-" + index).toFile())
                .redirectError(dir.resolve("err-" + index).toFile())
                .start();
        processes.add(p);
        return p;
    }

    /** Waits until every worker started so far is ready, then lets them all go at once. */
    void releaseAll() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < processes.size(); i++) {
            while (!Files.exists(dir.resolve("ready-" + i))) {
                if (!processes.get(i).isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("worker " + i + " did not get ready: " + stderr(i));
                }
                Thread.sleep(10);
            }
        }
        Files.writeString(dir.resolve("go"), "go");
    }

    /** Waits for every worker; returns their exit codes in start order. */
    List<Integer> awaitAll(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Integer> codes = new ArrayList<>();
        for (Process p : processes) {
            long left = Math.max(1, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                processes.forEach(Process::destroyForcibly);
                throw new AssertionError(
                        "workers did not finish within " + timeout + "; stderr of worker 0: " + stderr(0));
            }
            codes.add(p.exitValue());
        }
        return codes;
    }

    String stdout(int index) throws IOException {
        return Files.readString(dir.resolve("out-" + index));
    }

    String stderr(int index) throws IOException {
        Path p = dir.resolve("err-" + index);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    /** Everything the workers wrote to stderr. */
    String allStderr() throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < processes.size(); i++) {
            out.append(stderr(i));
        }
        return out.toString();
    }

    void destroyAll() {
        processes.forEach(Process::destroyForcibly);
    }
}
