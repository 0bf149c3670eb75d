package io.tunekit.dashboard;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashboard --storage URL [--host H] [--port P]}: serves the dashboard until stopped. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = "Serves a read-only dashboard of every study in a storage (stop with Ctrl-C).")
public final class DashboardCommand implements Callable<Integer> {

    @Mixin
    private StorageOption storage;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 shows your studies to the network)")
    private String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    private int port;

    @Override
    public Integer call() throws InterruptedException {
        DashboardServer server = DashboardServer.builder()
                .storageUrl(storage.url)
                .host(host)
                .port(port)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Tunekit dashboard at " + server.uri() + " (Ctrl-C stops it)");
        stopped.await();
        return 0;
    }
}
