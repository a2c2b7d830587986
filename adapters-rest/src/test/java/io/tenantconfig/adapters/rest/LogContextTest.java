package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.adapters.rest.errors.StoreUnavailableMapper;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A line logged while a request is served names the request and, once the token is verified, the
 * caller's tenant (the MDC the log format and the JSON layout show); nothing of it is left on the
 * thread afterwards, so the next request's lines never carry another's.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LogContextTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private final Logger logger = (Logger) LoggerFactory.getLogger(StoreUnavailableMapper.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        FIXTURE.clear();
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    /** GET /config for {@code tenant} while the database is down: 503, and a WARN line. */
    private static Response whileTheDatabaseIsDown(String tenant, String requestId) {
        FIXTURE.store.failNextLoad(new StoreUnavailableException("no connection to the database", null));
        return API.target("/api/v1/tenant/config")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user(tenant)))
                .header(RequestIdentity.HEADER, requestId)
                .get();
    }

    @Test
    void a_line_logged_while_serving_a_request_names_the_request_and_the_callers_tenant() {
        assertThat(whileTheDatabaseIsDown("acme", "trace-42").getStatus()).isEqualTo(503);

        assertThat(logged.list)
                .singleElement()
                .extracting(ILoggingEvent::getMDCPropertyMap)
                .isEqualTo(Map.of(LogContext.REQUEST_ID, "trace-42", LogContext.TENANT_ID, "acme"));
    }

    @Test
    void nothing_is_left_for_the_next_request_or_the_thread() {
        whileTheDatabaseIsDown("acme", "first");
        whileTheDatabaseIsDown("globex", "second");

        assertThat(logged.list)
                .extracting(ILoggingEvent::getMDCPropertyMap)
                .containsExactly(
                        Map.of(LogContext.REQUEST_ID, "first", LogContext.TENANT_ID, "acme"),
                        Map.of(LogContext.REQUEST_ID, "second", LogContext.TENANT_ID, "globex"));
        assertThat(MDC.get(LogContext.REQUEST_ID)).isNull();
        assertThat(MDC.get(LogContext.TENANT_ID)).isNull();
    }
}
