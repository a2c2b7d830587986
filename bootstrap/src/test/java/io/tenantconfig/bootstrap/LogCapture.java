package io.tenantconfig.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the application logs, as the lines a log file would hold: message, exception
 * messages and stack frames. The project's own loggers are turned up to DEBUG while capturing.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new ArrayList<>();

    static LogCapture attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogCapture capture = new LogCapture();
        capture.setContext(context);
        capture.setName("secret-leak-capture");
        capture.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(capture);
        root.setLevel(Level.INFO);
        context.getLogger("io.tenantconfig").setLevel(Level.DEBUG);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            lines.add(t.getClassName() + ": " + t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                lines.add(frame.getSTEAsString());
            }
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
