package io.tunekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The storages the command tests run on: a SQLite file, and PostgreSQL (in Optuna's URL form,
 * which the CLI translates) when {@code TUNEKIT_TEST_POSTGRES_URL} names a server.
 */
final class TestStorages {

    private TestStorages() {}

    /** (label, URL) pairs: SQLite in {@code dir}, plus PostgreSQL if configured. */
    static List<Arguments> urls(Path dir) {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("sqlite", "sqlite:///" + dir.resolve("cli.db")));
        String pg = System.getenv("TUNEKIT_TEST_POSTGRES_URL");
        if (pg != null && !pg.isBlank()) {
            out.add(Arguments.of("postgresql", optunaForm(pg)));
        }
        return out;
    }

    /** {@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P} as SQLAlchemy writes it. */
    static String optunaForm(String jdbc) {
        Matcher m = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]+)(?:\\?(.*))?")
                .matcher(jdbc);
        if (!m.matches()) {
            return jdbc;
        }
        String user = null;
        String password = null;
        List<String> rest = new ArrayList<>();
        if (m.group(3) != null) {
            for (String p : m.group(3).split("&")) {
                if (p.startsWith("user=")) {
                    user = p.substring(5);
                } else if (p.startsWith("password=")) {
                    password = p.substring(9);
                } else {
                    rest.add(p);
                }
            }
        }
        String credentials = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
        return "postgresql+psycopg2://" + credentials + m.group(1) + "/" + m.group(2)
                + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
    }
}
