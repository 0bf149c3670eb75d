package io.tunekit.storage.jdbc;

import io.tunekit.Study;
import java.nio.file.Path;

/**
 * A JVM that opens a SQLite storage and runs a study (Slf4jFallbackTest starts it without an
 * SLF4J provider on its class path), then logs through SLF4J as a library would.
 */
public final class Slf4jFallbackMain {

    private Slf4jFallbackMain() {}

    public static void main(String[] args) {
        try (JdbcStorage storage = Storages.open("sqlite:" + Path.of(args[0]))) {
            Study.builder().name("quiet").storage(storage).build().optimize(t -> t.suggestFloat("x", 0, 1), 2);
        }
        org.slf4j.LoggerFactory.getLogger("com.example.pool").warn("routed {}", "through System.Logger");
        System.out.println("fallback installed: " + Slf4jFallback.ensure());
    }
}
