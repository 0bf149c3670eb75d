package io.tunekit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The one list of {@code tunekit}'s commands. A module adds a command by writing one picocli
 * {@code @Command} class (see {@link TunekitCommand}) and one line here; nothing else registers
 * commands. The list holds factories, not instances, so that a run loads only the command it
 * executes (start-up time matters for commands run in shell loops).
 */
final class Commands {

    /**
     * A command's name and how to make it.
     *
     * @param name what the user types; must equal the {@code name} of the class's {@code @Command}
     * @param factory creates the picocli command object
     */
    record Entry(String name, Supplier<Object> factory) {}

    /** In the order {@code tunekit --help} lists them: Optuna's commands first, then Tunekit's own. */
    static final List<Entry> ALL = List.of(
            new Entry("create-study", CreateStudyCommand::new),
            new Entry("delete-study", DeleteStudyCommand::new),
            new Entry("study", StudyCommand::new),
            new Entry("study-names", StudyNamesCommand::new),
            new Entry("studies", StudiesCommand::new),
            new Entry("trials", TrialsCommand::new),
            new Entry("best-trial", BestTrialCommand::new),
            new Entry("best-trials", BestTrialsCommand::new),
            new Entry("storage", StorageCommand::new),
            new Entry("ask", AskCommand::new),
            new Entry("tell", TellCommand::new),
            new Entry("export", ExportCommand::new),
            new Entry("copy-study", CopyStudyCommand::new),
            new Entry("watch", WatchCommand::new),
            new Entry("importance", ImportanceCommand::new),
            new Entry("report", ReportCommand::new),
            new Entry("dashboard", DashboardCommand::new),
            new Entry("generate-completion", AutoComplete.GenerateCompletion::new),
            new Entry("help", CommandLine.HelpCommand::new));

    /** Commands that need every other one registered (they list or describe them all). */
    private static final Set<String> NEED_ALL = Set.of("help", "generate-completion");

    private Commands() {}

    /**
     * The entries a run with these arguments needs: the commands named among the arguments, or all
     * of them when none is named (top-level help, an unknown command) or help is asked for.
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
        return named.isEmpty() ? ALL : named;
    }
}
