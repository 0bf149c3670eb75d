package io.tunekit.benchmarks;

import io.tunekit.benchmarks.cli.CliStartupCommand;
import io.tunekit.benchmarks.dashboard.DashboardCommand;
import io.tunekit.benchmarks.gp.GpCostCommand;
import io.tunekit.benchmarks.importance.ImportanceSpeedCommand;
import io.tunekit.benchmarks.overhead.OverheadCommand;
import io.tunekit.benchmarks.overhead.OverheadRepetitionCommand;
import io.tunekit.benchmarks.pareto.HypervolumeCommand;
import io.tunekit.benchmarks.pruning.PruningCommand;
import io.tunekit.benchmarks.quality.QualityCommand;
import io.tunekit.benchmarks.storage.StorageCommand;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark runner: {@code java -jar benchmarks/target/tunekit-benchmarks.jar <suite> ...}.
 * Suites: {@code quality} (regret over seeds, docs/benchmarks.md §2), {@code overhead}
 * (framework cost per trial, section 3, and the TPE speed cases), {@code storage} (the SQLite
 * storage, section 4), {@code pruning} (steps saved and best final score of each pruner on
 * synthetic learning curves), {@code gp-cost} (time of one GP ask as the study grows),
 * {@code importance-speed} (parameter importance on a large study, against Optuna 5.0),
 * {@code hypervolume} (multi-objective samplers on ZDT1-3 and DTLZ2, beside Optuna's NSGA-II/III)
 * and {@code dashboard} (a 50,000-trial study page in headless Chromium, the server's heap, the
 * report's size).
 * Logging below WARNING is off, as in the protocol.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Tunekit's quality and speed benchmarks (see docs/benchmarks.md).",
        subcommands = {
            QualityCommand.class,
            OverheadCommand.class,
            OverheadRepetitionCommand.class,
            StorageCommand.class,
            PruningCommand.class,
            GpCostCommand.class,
            ImportanceSpeedCommand.class,
            CliStartupCommand.class,
            HypervolumeCommand.class,
            DashboardCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Bench implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Entry point; exits with picocli's code. */
    public static void main(String[] args) {
        quietLogging();
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    /** Trial-by-trial INFO logging would dominate the cost being measured. */
    static void quietLogging() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (var handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }
}
