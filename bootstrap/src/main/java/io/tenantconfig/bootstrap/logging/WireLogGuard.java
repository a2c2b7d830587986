package io.tenantconfig.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.dropwizard.servlets.tasks.LogConfigurationTask;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Keeps the loggers of the HTTP stacks at INFO or above, whatever level the configuration or the
 * admin port's {@code log-level} task asks for. At DEBUG they write what crosses the wire: Jetty
 * and Jersey the requests' lines and headers (bearer tokens, {@code ?hub.verify_token=}), the
 * JDK's HTTP clients the Graph API's addresses ({@code oauth/access_token?client_secret=...}) and
 * answers (access tokens), the JDBC driver the statements' values. The service's own loggers
 * ({@code io.tenantconfig}) and the root may go to DEBUG: nothing else writes a secret there
 * (NoSecretAtDebugTest). Levels are pinned, not filtered per line: a level check stays as cheap as
 * it was on every request.
 */
public final class WireLogGuard {

    /** Logger name prefixes held at INFO or above. */
    static final List<String> WIRE_LOGGERS = List.of(
            "org.eclipse.jetty",
            "org.glassfish.jersey",
            "jdk.internal.httpclient",
            "jdk.httpclient",
            "sun.net.www",
            "org.apache.http",
            "org.apache.hc",
            "org.postgresql",
            "com.github.tomakehurst.wiremock",
            "wiremock");

    private WireLogGuard() {}

    /** Raises each wire logger (and any of its descendants the configuration named) below INFO to INFO. */
    public static void pin() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logging)) {
            return;
        }
        for (String prefix : WIRE_LOGGERS) {
            Logger logger = logging.getLogger(prefix);
            if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
                logger.setLevel(Level.INFO);
            }
        }
        for (Logger logger : logging.getLoggerList()) {
            if (isWire(logger.getName())
                    && logger.getLevel() != null
                    && !logger.getLevel().isGreaterOrEqual(Level.INFO)) {
                logger.setLevel(Level.INFO);
            }
        }
    }

    static boolean isWire(String loggerName) {
        return WIRE_LOGGERS.stream()
                .anyMatch(prefix -> loggerName.equals(prefix) || loggerName.startsWith(prefix + "."));
    }

    /**
     * Dropwizard's {@code log-level} task (it takes the same name, so it replaces it), refusing to
     * lower a wire logger below INFO or to reset one (it would then follow the root's level).
     */
    public static final class LogLevelTask extends Task {

        private final LogConfigurationTask task = new LogConfigurationTask();

        public LogLevelTask() {
            super("log-level");
        }

        @Override
        public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
            List<String> levels = parameters.getOrDefault("level", List.of());
            Level level = levels.isEmpty() ? null : Level.toLevel(levels.get(0), null);
            for (String name : parameters.getOrDefault("logger", List.of())) {
                if (isWire(name) && (level == null || !level.isGreaterOrEqual(Level.INFO))) {
                    throw new IllegalArgumentException("The logger " + name
                            + " writes what crosses the wire (tokens, secrets in addresses) below INFO;"
                            + " it stays at INFO or above. Nothing was changed.");
                }
            }
            task.execute(parameters, output);
        }
    }
}
