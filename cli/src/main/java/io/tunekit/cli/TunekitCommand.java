package io.tunekit.cli;

import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code tunekit} command shares: its output streams, the global options and the
 * storage they name. A command extends this, declares its own options with picocli annotations
 * and implements {@link #run()}; a failure is thrown (a {@link CliException}, or a Tunekit
 * exception that {@link Tunekit} maps to its exit status), never printed by the command.
 */
abstract class TunekitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /**
     * Does the command's work.
     *
     * @return the exit status (normally {@link ExitCode#OK})
     */
    protected abstract int run() throws Exception;

    /** The {@code tunekit} top command this command runs under. */
    Tunekit tunekit() {
        return (Tunekit) spec.root().userObject();
    }

    /** Where results go. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where warnings and errors go. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The storage named by {@code --storage} or the environment. */
    StorageLocation location() {
        return StorageLocation.resolve(tunekit().global.storage, tunekit().env());
    }

    /** Opens the storage named by {@code --storage} or the environment; the caller closes it. */
    Storage openStorage(StorageAccess access) {
        return location().open(access);
    }

    /**
     * Loads a study for a command that samples nothing (listings, tell, watch): with a
     * {@link RandomSampler}, whose {@code afterTrial} is what TPE's is, so that no sampler is
     * looked up or initialised for nothing.
     *
     * @throws io.tunekit.storage.UnknownStudyException if the storage has no such study
     */
    static Study loadStudy(Storage storage, String name) {
        return Study.builder()
                .name(requireName(name))
                .storage(storage)
                .sampler(new RandomSampler())
                .load();
    }

    /** The study name, required. */
    static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "--study-name is required");
        }
        return name;
    }

    /** The id of the named study. */
    static long studyId(Storage storage, String name) {
        return storage.findStudy(requireName(name))
                .orElseThrow(() -> new UnknownStudyException("named '" + name + "'"));
    }

    /** An informational line on stderr, as the library's log lines ({@link CliLogging#line}), with {@code -v} only. */
    void info(String message) {
        if (tunekit().global.verbose && !tunekit().global.quiet) {
            log('I', message);
        }
    }

    /** A warning line on stderr, unless {@code -q}. */
    void warn(String message) {
        if (!tunekit().global.quiet) {
            log('W', message);
        }
    }

    private void log(char level, String message) {
        err().println(CliLogging.line(level, java.time.Instant.now(), message));
        err().flush();
    }

    /** Prints a result line. */
    void println(String text) {
        out().println(text);
        out().flush();
    }
}
