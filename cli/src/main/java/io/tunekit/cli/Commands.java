package io.tunekit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The one list of {@code tunekit}'s commands. A module adds a command by writing one picocli
 * {@code @Command} class (see {@link TunekitCommand}) and adding its name here twice, to
 * {@link #ALL} and to {@link Entry#create()}; nothing else registers commands. The list holds
 * names, not instances, so that a run loads only the command it executes (start-up time matters
 * for commands run in shell loops).
 */
final class Commands {

    /**
     * A command: its name, and how to make it.
     *
     * @param name what the user types; must equal the {@code name} of the class's {@code @Command}
     */
    record Entry(String name) {

        /**
         * A new picocli command object for this command. A switch, not a list of constructor
         * references: each of those is an invokedynamic call site that the JVM links when the
         * list is built, for every command, in every run.
         */
        Object create() {
            return switch (name) {
                case "create-study" -> new CreateStudyCommand();
                case "delete-study" -> new DeleteStudyCommand();
                case "study" -> new StudyCommand();
                case "study-names" -> new StudyNamesCommand();
                case "studies" -> new StudiesCommand();
                case "trials" -> new TrialsCommand();
                case "best-trial" -> new BestTrialCommand();
                case "best-trials" -> new BestTrialsCommand();
                case "storage" -> new StorageCommand();
                case "ask" -> new AskCommand();
                case "tell" -> new TellCommand();
                case "export" -> new ExportCommand();
                case "copy-study" -> new CopyStudyCommand();
                case "watch" -> new WatchCommand();
                case "importance" -> new ImportanceCommand();
                case "report" -> new ReportCommand();
                case "dashboard" -> new DashboardCommand();
                case "generate-completion" -> new AutoComplete.GenerateCompletion();
                case "help" -> new CommandLine.HelpCommand();
                default -> throw new IllegalStateException("no command class for '" + name + "'");
            };
        }
    }

    /** In the order {@code tunekit --help} lists them: Optuna's commands first, then Tunekit's own. */
    static final List<Entry> ALL = List.of(
            new Entry("create-study"),
            new Entry("delete-study"),
            new Entry("study"),
            new Entry("study-names"),
            new Entry("studies"),
            new Entry("trials"),
            new Entry("best-trial"),
            new Entry("best-trials"),
            new Entry("storage"),
            new Entry("ask"),
            new Entry("tell"),
            new Entry("export"),
            new Entry("copy-study"),
            new Entry("watch"),
            new Entry("importance"),
            new Entry("report"),
            new Entry("dashboard"),
            new Entry("generate-completion"),
            new Entry("help"));

    /** Commands that need every other one registered (they list or describe them all). */
    private static final Set<String> NEED_ALL = Set.of("help", "generate-completion");

    private Commands() {}

    /**
     * The entries a run with these arguments needs: the commands named among the arguments; none
     * for {@code tunekit --version} alone (it prints one line and describes no command); all of
     * them when help is asked for or no command is named (top-level help, an unknown command).
     */
    static List<Entry> neededFor(String... args) {
        Set<String> words = new HashSet<>(Arrays.asList(args));
        for (String need : NEED_ALL) {
            if (words.contains(need)) {
                return ALL;
            }
        }
        List<Entry> named = new ArrayList<>();
        for (Entry e : ALL) {
            if (words.contains(e.name())) {
                named.add(e);
            }
        }
        if (!named.isEmpty()) {
            return named;
        }
        boolean version = words.contains("--version") || words.contains("-V");
        boolean help = words.contains("--help") || words.contains("-h");
        return version && !help ? List.of() : ALL;
    }
}
