package io.tunekit.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an example by name: {@code java -jar examples/target/tunekit-examples.jar <name> [args]}.
 * Without a name it lists them.
 */
public final class Examples {

    /** An example's entry point. */
    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    private record Entry(String description, Main main) {}

    private static final Map<String, Entry> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put(
                "quickstart",
                new Entry("minimise a small function with random search, print the best trial", Quickstart::main));
        EXAMPLES.put(
                "shared",
                new Entry(
                        "the quickstart in a database: [URL, default sqlite:tunekit.db] [trials]; "
                                + "start it N times to work on one study",
                        SharedStudy::main));
        EXAMPLES.put(
                "logistic-regression",
                new Entry(
                        "tune a logistic regression by 5-fold CV: grid vs random vs TPE," + " one SQLite file",
                        io.tunekit.examples.logreg.LogisticRegressionExample::main));
        EXAMPLES.put(
                "distributed",
                new Entry(
                        "N worker JVMs on one study (SQLite file or PostgreSQL URL)",
                        io.tunekit.examples.distributed.DistributedExample::main));
        EXAMPLES.put(
                "xgboost",
                new Entry(
                        "tune XGBoost on the digits data; a pruner stops weak trials between rounds",
                        io.tunekit.examples.xgboost.XgboostExample::main));
        EXAMPLES.put(
                "ask-tell",
                new Entry(
                        "tune a program outside the JVM (examples/scripts/target.sh) with ask/tell",
                        io.tunekit.examples.asktell.AskTellExample::main));
        EXAMPLES.put(
                "pruning",
                new Entry(
                        "tune an SGD logistic regression epoch by epoch, pruning weak trials "
                                + "(--pruner median|hyperband|...)",
                        PruningExample::main));
    }

    private Examples() {}

    /** Dispatches to the example named by the first argument. */
    public static void main(String[] args) throws Exception {
        ExampleLogging.configure("");
        if (args.length == 0 || !EXAMPLES.containsKey(args[0])) {
            if (args.length > 0 && !args[0].equals("--help")) {
                System.err.println("Unknown example: " + args[0]);
            }
            System.err.println("Usage: java -jar examples/target/tunekit-examples.jar <example> [options]");
            System.err.println("Examples:");
            EXAMPLES.forEach((name, e) -> System.err.printf("  %-22s %s%n", name, e.description()));
            System.exit(args.length == 0 || args[0].equals("--help") ? 0 : 2);
        }
        EXAMPLES.get(args[0]).main().run(Arrays.copyOfRange(args, 1, args.length));
    }
}
