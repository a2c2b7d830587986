package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's headers on every kind of answer its file servlet gives (a file, a missing file,
 * "not modified", a reset, a failure), on a real Jetty, with a servlet that answers as
 * Dropwizard's AssetServlet does.
 */
class DashboardHeadersTest {

    private static final Map<String, String> HEADERS = Map.of(
            "content-security-policy",
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
                            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            "x-frame-options", "DENY",
            "x-content-type-options", "nosniff",
            "referrer-policy", "no-referrer",
            "cross-origin-opener-policy", "same-origin",
            "cross-origin-resource-policy", "same-origin",
            "permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()",
            "cache-control", "no-cache");

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Server server;
    private static int port;

    /** Answers as the asset servlet does: a file, a 404, a 304, a reset before a 404, a 500. */
    static final class Files extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            switch (path) {
                case "/", "/app.js" -> {
                    response.setContentType("text/html;charset=utf-8");
                    response.getWriter().write("<!doctype html>");
                }
                case "/unchanged.js" -> response.sendError(HttpServletResponse.SC_NOT_MODIFIED);
                case "/reset" -> {
                    response.setHeader("Content-Security-Policy", "default-src *");
                    response.reset();
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
                case "/broken" -> response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "stack trace here");
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Files()), DashboardHeaders.PATH + "/*");
        // "/admin/*" also matches bare "/admin" (servlet specification, 12.2).
        context.addFilter(
                new FilterHolder(new DashboardHeaders()),
                DashboardHeaders.PATH + "/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecured(HttpResponse<String> response) {
        HEADERS.forEach((name, value) ->
                assertThat(response.headers().firstValue(name)).as(name).hasValue(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin/app.js"})
    void a_file_goes_out_with_the_policy_and_every_protective_header(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<!doctype html>");
        assertSecured(response);
    }

    @Test
    void bare_admin_is_sent_on_to_the_folder_where_relative_links_resolve() throws Exception {
        HttpResponse<String> response = get("/admin");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location"))
                .hasValueSatisfying(
                        location -> assertThat(URI.create(location).getPath()).isEqualTo("/admin/"));
        assertSecured(response);
    }

    @Test
    void a_missing_file_is_a_short_plain_text_404_that_keeps_the_headers() throws Exception {
        HttpResponse<String> response = get("/admin/nothing.js");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Not found\n");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain;charset=utf-8");
        assertSecured(response);
    }

    @Test
    void not_modified_has_no_body_and_keeps_the_headers() throws Exception {
        HttpResponse<String> response = get("/admin/unchanged.js");

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertSecured(response);
    }

    @Test
    void a_reset_before_the_answer_gets_the_headers_again_and_not_what_was_set_before_it() throws Exception {
        HttpResponse<String> response = get("/admin/reset");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Not found\n");
        assertSecured(response);
    }

    @Test
    void a_failure_says_its_status_only_never_the_servlets_message() throws Exception {
        HttpResponse<String> response = get("/admin/broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("HTTP 500\n");
        assertSecured(response);
    }
}
