package io.tunekit.cli;

import io.tunekit.StudyExhaustedException;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.StorageException;
import io.tunekit.storage.UnknownStudyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tunekit} command: Optuna's CLI commands (same names, options and output) on
 * Tunekit's storages, plus {@code export}, {@code copy-study}, {@code watch}, {@code importance},
 * {@code report} and {@code dashboard}. Run it with {@code bin/tunekit} or
 * {@code java -jar cli/target/tunekit.jar}.
 *
 * <p>Errors print one line on stderr and exit with the status of their kind ({@link ExitCode});
 * {@code --debug} adds the stack trace.
 */
@Command(
        name = "tunekit",
        mixinStandardHelpOptions = true,
        versionProvider = Tunekit.Version.class,
        description = "Manage, inspect and drive Tunekit (and Optuna) studies from the shell.",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nExamples:%n",
        footer = {
            "  export TUNEKIT_STORAGE=sqlite:///tuning.db",
            "  tunekit create-study --study-name demo --direction minimize",
            "  tunekit ask --study-name demo -f json \\",
            "      --search-space '{\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -10, \"high\": 10}}}'",
            "  tunekit tell --study-name demo --trial-number 0 --values 1.5",
            "  tunekit trials --study-name demo -f table",
            "  tunekit best-trial --study-name demo -f json",
            "  tunekit export --study-name demo --output trials.csv",
            "  tunekit importance --study-name demo -f json      # which parameters mattered",
            "  tunekit report --study-name demo --out demo.html  # one HTML file, opens from disk",
            "  tunekit dashboard                                 # http://127.0.0.1:8080/ until Ctrl-C",
            "",
            "Storage URLs: Optuna's forms (sqlite:///file.db, postgresql://user:pw@host/db,",
            "mysql+pymysql://user:pw@host/db) and JDBC URLs name the same databases.",
            "Run 'tunekit COMMAND --help' for a command's options and examples."
        })
public final class Tunekit implements Runnable {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    /** @param env the environment to read {@code TUNEKIT_STORAGE} and {@code OPTUNA_STORAGE} from */
    public Tunekit(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment the storage variables are read from. */
    Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code tunekit} and exits with its status. */
    public static void main(String[] args) {
        CliLogging.configure(args);
        SqliteWarmUp.start(System.getenv(), args); // configures SQLite's native library cache too
        int status = commandLine(System.getenv(), args).execute(args);
        System.exit(status);
    }

    /**
     * The command line for these arguments, with the process's error handling: one line on
     * stderr and the exit status of the error's kind. Only the commands the arguments name are
     * loaded (all of them for help).
     *
     * @param env the environment ({@code TUNEKIT_STORAGE}, {@code OPTUNA_STORAGE})
     * @param args the arguments that will be executed
     */
    public static CommandLine commandLine(Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new Tunekit(env));
        for (Commands.Entry entry : Commands.neededFor(args)) {
            cl.addSubcommand(entry.name(), entry.create());
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(Integer.toString(code.code()), code.meaning());
        }
        documentExitCodes(cl, codes);
        boolean debug = Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, commandLine, debug));
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            String name = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    private static void documentExitCodes(CommandLine cl, Map<String, String> codes) {
        cl.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit status:%n")
                .exitCodeList(codes);
        for (CommandLine sub : cl.getSubcommands().values()) {
            documentExitCodes(sub, codes);
        }
    }

    private static int report(Exception e, CommandLine commandLine, boolean debug) {
        ExitCode code = classify(e);
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (code == ExitCode.INTERNAL) {
            message = "internal error: " + e + (debug ? "" : " (rerun with --debug for the stack trace)");
        }
        err.println(name + ": " + message.replace('\n', ' '));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    /** The exit status of an error: the kind of mistake or failure, as the help documents it. */
    static ExitCode classify(Throwable e) {
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        if (e instanceof UnknownStudyException) {
            return ExitCode.NOT_FOUND;
        }
        if (e instanceof StorageException) {
            return ExitCode.STORAGE;
        }
        if (e instanceof DuplicatedStudyException
                || e instanceof StudyExhaustedException
                || e instanceof IllegalStateException) {
            return ExitCode.CONFLICT;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL;
    }

    /** {@code tunekit --version}: the version the jar was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Tunekit.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // the version line then says "unknown"
            }
            return new String[] {"tunekit " + p.getProperty("version", "unknown")};
        }
    }
}
