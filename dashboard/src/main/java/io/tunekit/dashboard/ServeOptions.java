package io.tunekit.dashboard;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Option;

/**
 * The options of serving the dashboard ({@code --host}, {@code --port}) and the serving itself,
 * as a picocli mixin: the one place where both command lines that serve it, the {@code tunekit}
 * tool's {@code dashboard} command and this jar's, handle them. The command line that mixes it in
 * says where the storage is.
 */
public final class ServeOptions {

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 shows your studies to the network).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    /** The options at their defaults, as picocli sets them from a command line. */
    public ServeOptions() {}

    /**
     * Starts a server on the chosen address for the storage {@code storage} names, prints its
     * address on {@code out} and serves until the calling thread is interrupted, then stops it.
     * Ctrl-C ends the process, and the server with it.
     *
     * @param storage a builder whose storage is set; this sets its host and port
     * @throws IllegalArgumentException if the port is out of range
     * @throws java.io.UncheckedIOException if the address cannot be bound (unknown host, port taken)
     */
    public void serveUntilInterrupted(DashboardServer.Builder storage, PrintWriter out) {
        try (DashboardServer server = storage.host(host).port(port).start()) {
            out.println("Tunekit dashboard at " + server.uri() + " (Ctrl-C stops it)");
            out.flush();
            new CountDownLatch(1).await();
        } catch (InterruptedException stop) {
            // the way to stop serving: the server is closed on the way out
            Thread.currentThread().interrupt();
        }
    }
}
