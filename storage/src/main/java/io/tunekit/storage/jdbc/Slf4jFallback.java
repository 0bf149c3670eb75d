package io.tunekit.storage.jdbc;

import io.tunekit.storage.jdbc.internal.SystemLoggerProvider;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * HikariCP and sqlite-jdbc log through SLF4J. An application with no SLF4J provider would get
 * SLF4J's "No SLF4J providers were found" warning on standard error and lose those libraries'
 * log lines. Before the storage first touches either library, this selects
 * {@link SystemLoggerProvider} for SLF4J, so their lines go where Tunekit's go (the JDK's
 * {@code System.Logger}) without a warning. An application that has a provider (Logback,
 * slf4j-jdk14, ...) or has chosen one with {@code -Dslf4j.provider} keeps it: nothing changes.
 */
final class Slf4jFallback {

    private static final String PROVIDER_PROPERTY = "slf4j.provider";
    private static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private Slf4jFallback() {}

    /**
     * Installs the fallback once per JVM (on first call), before the first storage opens a
     * database.
     *
     * @return whether SLF4J was pointed at {@link SystemLoggerProvider} (no provider was found)
     */
    static boolean ensure() {
        return Once.INSTALLED;
    }

    /** Class initialisation runs {@link #install()} exactly once, thread-safely. */
    private static final class Once {
        static final boolean INSTALLED = install();
    }

    private static boolean install() {
        if (System.getProperty(PROVIDER_PROPERTY) != null || hasProvider() || systemLoggerGoesToSlf4j()) {
            return false;
        }
        String verbosity = System.getProperty(VERBOSITY_PROPERTY);
        System.setProperty(PROVIDER_PROPERTY, SystemLoggerProvider.class.getName());
        if (verbosity == null) {
            // SLF4J reports an explicitly named provider at INFO on standard error; that line is noise here.
            System.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
        try {
            LoggerFactory.getILoggerFactory(); // binds now, while the properties are set
        } finally {
            System.clearProperty(PROVIDER_PROPERTY);
            if (verbosity == null) {
                System.clearProperty(VERBOSITY_PROPERTY);
            }
        }
        return true;
    }

    /** SLF4J to System.Logger and back would loop (slf4j-jdk-platform-logging without a provider). */
    private static boolean systemLoggerGoesToSlf4j() {
        return System.LoggerFinder.getLoggerFinder().getClass().getName().startsWith("org.slf4j.");
    }

    private static boolean hasProvider() {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
                    .findFirst()
                    .isPresent();
        } catch (ServiceConfigurationError e) {
            return true; // a provider is there but broken: SLF4J reports that itself
        }
    }
}
