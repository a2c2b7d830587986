package io.tenantconfig.bootstrap.logging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.request.logging.RequestLogFactory;
import io.tenantconfig.bootstrap.warmup.WarmUp;
import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * The HTTP request log ({@code server.requestLog.type: jetty}): Jetty's own request log, written
 * through the application's logging as logger {@code http.request}, so its lines have the same
 * appenders and layout (JSON included) as every other line. The default format is the NCSA
 * extended one followed by the request's duration in milliseconds and its id (the answer's
 * {@code X-Request-Id}, as in the audit trail and the application's log lines). The values of
 * query parameters that carry secrets are written as {@code ***} ({@link QuerySecrets}).
 *
 * <p>Dropwizard's logback-access request log warns at every start that its modules' versions
 * differ (a mismatch inside Dropwizard 5.0.1), and cannot show the request id.
 */
@JsonTypeName("jetty")
public class JettyRequestLogFactory implements RequestLogFactory<RequestLog> {

    static final String LOGGER = "http.request";

    @NotEmpty
    private String format = CustomRequestLog.EXTENDED_NCSA_FORMAT + " %{ms}T %{X-Request-Id}o";

    private boolean enabled = true;

    @JsonProperty
    public String getFormat() {
        return format;
    }

    /** A Jetty {@code CustomRequestLog} format, e.g. {@code %{client}a "%r" %s %{ms}T}. */
    @JsonProperty
    public void setFormat(String format) {
        this.format = format;
    }

    @Override
    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public RequestLog build(String name) {
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter() {
            @Override
            public void write(String line) throws IOException {
                super.write(QuerySecrets.redacted(line));
            }
        };
        writer.setLoggerName(LOGGER);
        return new WithoutWarmUp(new CustomRequestLog(writer, format));
    }

    /** The instance's own warm-up requests are not traffic; the log it wraps starts and stops with it. */
    private static final class WithoutWarmUp extends ContainerLifeCycle implements RequestLog {

        private final RequestLog log;

        WithoutWarmUp(RequestLog log) {
            this.log = log;
            addBean(log);
        }

        @Override
        public void log(Request request, Response response) {
            if (!WarmUp.isWarmUp(request.getHeaders().get(WarmUp.HEADER))) {
                log.log(request, response);
            }
        }
    }
}
