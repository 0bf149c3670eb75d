package io.tunekit.cli;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunekit watch}: a study's progress, line by line, while other processes run it. */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = {
            "Print a study's progress as its trials finish: one line whenever the counts by state or the best"
                    + " value change (the Pareto front's size for a multi-objective study).",
            "",
            "Runs until interrupted (Ctrl-C), until --until trials are finished, or for --timeout seconds."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tunekit watch --storage postgresql://me:secret@db.example.com/tuning --study-name lr",
            "  tunekit watch --study-name lr --interval 10 --until 200",
            "  # 2026-01-02 10:00:00  trials 25: 20 complete, 3 running, 1 pruned, 1 fail  best 0.0123 (trial 17)"
        })
final class WatchCommand extends TunekitCommand {

    @Option(names = "--study-name", required = true, description = "The study to watch.")
    String studyName;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "2",
            description = "Seconds between two looks at the study (default: ${DEFAULT-VALUE}).")
    double interval;

    @Option(
            names = "--until",
            paramLabel = "N",
            description = "Stop once the study has N finished (complete, pruned or failed) trials.")
    Integer until;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this many seconds.")
    Double timeout;

    @Override
    protected int run() throws InterruptedException {
        if (!(interval > 0) || interval > 86_400) {
            throw new CliException(ExitCode.USAGE, "--interval " + interval + " must be > 0 and at most 86400 seconds");
        }
        if (timeout != null && !(timeout >= 0)) {
            throw new CliException(ExitCode.USAGE, "--timeout " + timeout + " must be >= 0");
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
        try (Storage storage = openStorage(StorageAccess.READ_ONLY)) {
            Study study = loadStudy(storage, studyName);
            String last = null;
            while (true) {
                List<FrozenTrial> trials = study.trials();
                String status = status(study, trials);
                if (!status.equals(last)) {
                    println(PythonText.datetime(Instant.now()) + "  " + status);
                    last = status;
                }
                long finished =
                        trials.stream().filter(t -> t.state().isFinished()).count();
                if (until != null && finished >= until) {
                    return 0;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                Thread.sleep(Math.min((long) (interval * 1000), Math.max(1, left / 1_000_000)));
            }
        }
    }

    /** The progress line without its time: counts by state and the best so far. */
    static String status(Study study, List<FrozenTrial> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (FrozenTrial t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
        }
        StringBuilder line = new StringBuilder("trials " + trials.size() + ":");
        String sep = " ";
        for (TrialState s : List.of(
                TrialState.COMPLETE, TrialState.RUNNING, TrialState.WAITING, TrialState.PRUNED, TrialState.FAIL)) {
            if (counts.containsKey(s)) {
                line.append(sep)
                        .append(counts.get(s))
                        .append(' ')
                        .append(s.name().toLowerCase(java.util.Locale.ROOT));
                sep = ", ";
            }
        }
        if (study.directions().size() == 1) {
            FrozenTrial best = bestOrNull(study);
            line.append(
                    best == null
                            ? "  best -"
                            : "  best " + PythonText.pythonFloat(best.value()) + " (trial " + best.number() + ")");
        } else {
            line.append("  pareto front ").append(study.bestTrials().size()).append(" trials");
        }
        return line.toString();
    }

    private static FrozenTrial bestOrNull(Study study) {
        try {
            return study.bestTrial();
        } catch (IllegalStateException e) {
            return null; // no (feasible) completed trial yet
        }
    }
}
