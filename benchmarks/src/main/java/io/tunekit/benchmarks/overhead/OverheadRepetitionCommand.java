package io.tunekit.benchmarks.overhead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code overhead-rep}: one repetition in this JVM, printed as one JSON line. The
 * {@code overhead} command starts a fresh JVM with it for every repetition.
 */
@Command(
        name = "overhead-rep",
        hidden = true,
        description = "One overhead repetition in this JVM (JSON line on stdout).")
public final class OverheadRepetitionCommand implements Callable<Integer> {

    @Option(names = "--space", required = true)
    Space space;

    @Option(names = "--config", required = true)
    String config;

    @Option(names = "--trials", required = true)
    int trials;

    @Option(names = "--warmup", defaultValue = "1")
    int warmup;

    @Option(names = "--warmup-trials", defaultValue = "1000")
    int warmupTrials;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Override
    public Integer call() throws Exception {
        Repetition.Result r = Repetition.run(space, OverheadConfig.byName(config), trials, warmup, warmupTrials, seed);
        System.out.println(new ObjectMapper().writeValueAsString(r.summary()));
        return 0;
    }
}
