package io.tunekit.examples.asktell;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.examples.ExampleMain;
import io.tunekit.samplers.tpe.TpeSampler;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Tunes a program outside the JVM through ask and tell: each trial asks the study for values,
 * runs the command with them appended as {@code --lr V --layers N --activation A}, reads the
 * score from the last output line {@code <key>=<number>} (minimised), and tells the study. A
 * command that fails, times out or prints no score makes its trial FAIL, with the reason in the
 * trial's user attribute {@code error}; the search goes on.
 */
@Command(
        name = "ask-tell",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Tunes an external command with ask/tell: each trial runs COMMAND --lr V --layers N "
                + "--activation A and reads the value to minimise from its output line KEY=<number>.")
public final class AskTellExample implements Callable<Integer> {

    /** The trial user attribute that says why a trial failed. */
    public static final String ERROR_ATTR = "error";

    @Spec
    private CommandSpec spec;

    @Option(names = "--trials", defaultValue = "30", description = "trials to run (default: ${DEFAULT-VALUE})")
    private int trials;

    @Option(
            names = "--key",
            defaultValue = "val_loss",
            description = "the output line KEY=<number> that holds the score (default: ${DEFAULT-VALUE})")
    private String key;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "60",
            description = "kill a command running longer (default: ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "sampler seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Parameters(
            paramLabel = "COMMAND",
            arity = "0..*",
            description = "the program and its fixed arguments (default: sh examples/scripts/target.sh)")
    private List<String> command = new ArrayList<>();

    /** Usage: {@code ask-tell [--trials N] [--key KEY] [--] [COMMAND...]}. */
    public static void main(String[] args) {
        ExampleMain.run(new AskTellExample(), args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (trials <= 0 || timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--trials=" + trials + " and --timeout-seconds=" + timeoutSeconds + " must be > 0");
        }
        List<String> base = command.isEmpty() ? List.of("sh", "examples/scripts/target.sh") : command;
        PrintWriter out = spec.commandLine().getOut();
        Study study = run(base, out);
        List<FrozenTrial> complete = study.trials(java.util.EnumSet.of(TrialState.COMPLETE));
        if (complete.isEmpty()) {
            out.printf("No trial completed: see the errors above.%n");
            out.flush();
            return 1;
        }
        FrozenTrial best = study.bestTrial();
        out.printf(
                "%nBest is trial %d with %s=%s and parameters %s (%d of %d trials completed)%n",
                best.number(),
                key,
                best.value(),
                best.params(),
                complete.size(),
                study.trials().size());
        out.flush();
        return 0;
    }

    /** Runs the trials and returns the study. */
    Study run(List<String> baseCommand, PrintWriter out) throws IOException, InterruptedException {
        Study study = Study.builder()
                .name("ask-tell")
                .direction(Direction.MINIMIZE)
                .sampler(TpeSampler.builder().seed(seed).build())
                .build();
        Pattern score = Pattern.compile("^" + Pattern.quote(key) + "=(\\S+)\\s*$", Pattern.MULTILINE);
        for (int i = 0; i < trials; i++) {
            Trial trial = study.ask();
            List<String> command = new ArrayList<>(baseCommand);
            command.addAll(List.of(
                    "--lr", Double.toString(trial.suggestLogFloat("lr", 1e-4, 1)),
                    "--layers", Integer.toString(trial.suggestInt("layers", 1, 6)),
                    "--activation", trial.suggestCategorical("activation", List.of("relu", "tanh", "sigmoid"))));
            ExternalCommand.Outcome outcome = ExternalCommand.run(command, Duration.ofSeconds(timeoutSeconds));
            OptionalDouble value = lastScore(score, outcome.stdout());
            String error = outcome.timedOut()
                    ? "timed out after " + timeoutSeconds + " s"
                    : outcome.exitCode() != 0
                            ? "exited with status " + outcome.exitCode()
                            : value.isEmpty() ? "printed no line " + key + "=<number>" : null;
            if (error == null) {
                study.tell(trial, value.getAsDouble());
                out.printf("trial %d: %s -> %s=%s%n", trial.number(), trial.params(), key, value.getAsDouble());
            } else {
                trial.setUserAttr(ERROR_ATTR, error);
                study.tell(trial, TrialState.FAIL);
                out.printf(
                        "trial %d: %s -> FAIL: %s: %s%n",
                        trial.number(), trial.params(), String.join(" ", command), error);
            }
            out.flush();
        }
        return study;
    }

    /** The number on the last line {@code key=<number>}, if there is one. */
    private static OptionalDouble lastScore(Pattern score, String stdout) {
        Matcher m = score.matcher(stdout);
        OptionalDouble last = OptionalDouble.empty();
        while (m.find()) {
            try {
                last = OptionalDouble.of(Double.parseDouble(m.group(1)));
            } catch (NumberFormatException e) {
                // Not a number: a later line may still hold one.
            }
        }
        return last;
    }
}
