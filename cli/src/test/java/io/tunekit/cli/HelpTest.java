package io.tunekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command documents itself: options, examples and exit statuses. */
class HelpTest {

    private final Cli cli = new Cli(Map.of());

    @Test
    void everyCommandHasHelpWithExamplesAndExitStatuses() {
        CommandLine all = Tunekit.commandLine(Map.of());
        assertThat(all.getSubcommands().keySet())
                .contains(
                        "create-study",
                        "delete-study",
                        "study",
                        "study-names",
                        "studies",
                        "trials",
                        "best-trial",
                        "best-trials",
                        "storage",
                        "ask",
                        "tell",
                        "export",
                        "copy-study",
                        "watch",
                        "importance",
                        "report",
                        "dashboard",
                        "generate-completion",
                        "help");
        for (String name : all.getSubcommands().keySet()) {
            if (name.equals("generate-completion") || name.equals("help")) {
                continue;
            }
            String[] path = name.equals("study")
                    ? new String[] {"study", "set-user-attr", "--help"}
                    : name.equals("storage")
                            ? new String[] {"storage", "upgrade", "--help"}
                            : new String[] {name, "--help"};
            String help = helpWithoutPicocliWarnings(path);
            assertThat(help).as(name).contains("Usage: tunekit", "Examples:", "Exit status:", "--storage=URL");
        }
        assertThat(cli.ok("--help"))
                .contains("Commands:", "Examples:", "TUNEKIT_STORAGE", "tunekit importance", "tunekit dashboard");
        assertThat(cli.ok()).contains("Commands:");
    }

    /**
     * The help text, failing if picocli warned on the process's stderr (a text it could not
     * format, e.g. an unescaped '%', is printed raw with a warning).
     */
    private String helpWithoutPicocliWarnings(String... path) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return cli.ok(path);
        } finally {
            System.setErr(original);
            assertThat(captured.toString(StandardCharsets.UTF_8))
                    .as(String.join(" ", path))
                    .doesNotContain("picocli WARN");
        }
    }

    @Test
    void onlyTheNamedCommandIsLoaded() {
        assertThat(Commands.neededFor("--storage", "sqlite:///x.db", "trials", "--study-name", "s"))
                .extracting(Commands.Entry::name)
                .containsExactly("trials");
        assertThat(Commands.neededFor("--help")).hasSize(Commands.ALL.size());
        assertThat(Commands.neededFor("--version")).isEmpty();
        assertThat(Commands.neededFor("-V", "--help")).hasSize(Commands.ALL.size());
        assertThat(Commands.neededFor("--versio")).hasSize(Commands.ALL.size());
        assertThat(Commands.neededFor("help", "trials")).hasSize(Commands.ALL.size());
        for (Commands.Entry e : Commands.ALL) {
            assertThat(new CommandLine(e.create()).getCommandName()).isEqualTo(e.name());
        }
    }
}
