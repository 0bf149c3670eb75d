package io.tunekit.examples.asktell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program outside the JVM and captures its standard output; its standard error goes to
 * this process's, so its complaints stay visible. A program that outlives its timeout is killed.
 */
final class ExternalCommand {

    /** How a run ended: the exit code (-1 if killed at the timeout) and the standard output. */
    record Outcome(int exitCode, boolean timedOut, String stdout) {}

    private ExternalCommand() {}

    static Outcome run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        // Read on another thread: a chatty program blocks once the pipe is full, and the
        // timeout must still be able to fire.
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return new Outcome(-1, true, stdout.getNow(""));
        }
        try {
            return new Outcome(process.exitValue(), false, stdout.get());
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + command, e.getCause());
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
