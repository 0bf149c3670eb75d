package io.tunekit.storage.jdbc.internal;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Sends the SLF4J logs of the storage's libraries (HikariCP, sqlite-jdbc) to the JDK's
 * {@link System.Logger}, where Tunekit's own logs go, when the application has no SLF4J
 * provider. It is not registered as a service, so it never competes with Logback or another
 * provider: the storage selects it explicitly, and only when no provider is found (see
 * {@code Slf4jFallback}). Public only because SLF4J instantiates it by name.
 */
public final class SystemLoggerProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggers = new Factory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Called by SLF4J. */
    public SystemLoggerProvider() {}

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class Factory implements ILoggerFactory {
        private final Map<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return byName.computeIfAbsent(name, Adapter::new);
        }
    }

    /** One SLF4J logger writing to the System.Logger of the same name. */
    private static final class Adapter extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient System.Logger target;

        Adapter(String name) {
            this.name = name;
            this.target = System.getLogger(name);
        }

        @Override
        public boolean isTraceEnabled() {
            return target.isLoggable(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return target.isLoggable(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return target.isLoggable(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return target.isLoggable(Level.WARNING);
        }

        @Override
        public boolean isErrorEnabled() {
            return target.isLoggable(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                org.slf4j.event.Level level, Marker marker, String pattern, Object[] args, Throwable thrown) {
            Level jdk = switch (level) {
                case TRACE -> Level.TRACE;
                case DEBUG -> Level.DEBUG;
                case INFO -> Level.INFO;
                case WARN -> Level.WARNING;
                case ERROR -> Level.ERROR;
            };
            String message = MessageFormatter.basicArrayFormat(pattern, args);
            if (thrown == null) {
                target.log(jdk, message);
            } else {
                target.log(jdk, message, thrown);
            }
        }
    }
}
