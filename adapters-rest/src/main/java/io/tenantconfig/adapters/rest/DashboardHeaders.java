package io.tenantconfig.adapters.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The admin dashboard's files ({@code /admin/*}) go out with a policy that lets the page run its
 * own scripts and styles and talk to this origin only: no inline script, no third-party origin,
 * no framing, no referrer, no form that could put the pasted token into a URL. Bare
 * {@code /admin} is sent on to {@code /admin/}, where the page's relative links resolve.
 */
public final class DashboardHeaders implements Filter {

    /** Where the dashboard is served. */
    public static final String PATH = "/admin";

    static final String POLICY = String.join(
            "; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        secure(answer);
        if (http.getRequestURI().equals(http.getContextPath() + PATH)) {
            answer.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            answer.setHeader("Location", PATH + "/");
            return;
        }
        chain.doFilter(request, new PlainErrors(answer));
    }

    private static void secure(HttpServletResponse answer) {
        answer.setHeader("Content-Security-Policy", POLICY);
        answer.setHeader("X-Frame-Options", "DENY");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Referrer-Policy", "no-referrer");
        answer.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        answer.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        answer.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        // Always ask again (a conditional request answers 304), so a new version shows at once.
        answer.setHeader("Cache-Control", "no-cache");
    }

    /**
     * Keeps the headers on every answer: a missing file answers a short text itself instead of
     * going through the server's error page (a new response without them), and a reset (Dropwizard's
     * AssetServlet resets before its 404 for a path it cannot resolve) sets them again.
     */
    private static final class PlainErrors extends HttpServletResponseWrapper {

        PlainErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void reset() {
            super.reset();
            secure(this);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            setStatus(status);
            if (status == HttpServletResponse.SC_NOT_MODIFIED) {
                return; // Dropwizard's AssetServlet answers "not modified" this way; it has no body
            }
            setContentType("text/plain;charset=utf-8");
            getWriter().write(status == HttpServletResponse.SC_NOT_FOUND ? "Not found\n" : "HTTP " + status + "\n");
        }
    }
}
