package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that send their bodies slowly, or too much, as an attacker would: the request threads
 * stay free for everyone else (bodies are read in full before a thread takes them), trickling
 * connections are answered and closed, and oversized or malformed lengths are a clear 4xx. The
 * service runs with the shipped {@code requestBodies} defaults.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlowClientsTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(DATABASE);
    private static final String WEBHOOK = "/api/v1/webhooks/whatsapp";
    private static final String CONFIG = "/api/v1/tenant/config";

    private final ApiClient api = new ApiClient(APP);

    @Test
    void two_hundred_trickling_webhook_bodies_and_two_hundred_config_bodies_leave_every_other_request_answered_at_once()
            throws Exception {
        String tenantToken = api.token("trickle");
        List<Socket> trickling = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            trickling.add(startBody("POST", WEBHOOK, null, 100_000));
            trickling.add(startBody("PUT", CONFIG, tenantToken, 10_000));
        }
        String verifier = api.token("bystander");
        long slowest = 0;
        long until = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < until) {
            long started = System.nanoTime();
            HttpResponse<String> verified = api.send("GET", "/api/v1/auth/verify", verifier, null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(verified.statusCode()).isEqualTo(200);
            slowest = Math.max(slowest, millis);
            trickleOneByte(trickling);
            Thread.sleep(200);
        }

        assertThat(slowest).as("the slowest /auth/verify in ms").isLessThan(1000);
        for (Socket socket : trickling) {
            String answer = readUntilClosed(socket, 5_000);
            assertThat(answer)
                    .as("what a trickling connection was answered before it was closed")
                    .containsAnyOf("HTTP/1.1 408", "HTTP/1.1 429");
        }
    }

    @Test
    void a_body_slower_than_the_minimum_rate_is_answered_408_and_its_connection_closed() throws Exception {
        Socket socket = startBody("PUT", CONFIG, api.token("slow"), 100);
        Thread.sleep(2_100);
        socket.getOutputStream().write('x');

        String answer = readUntilClosed(socket, 5_000);

        assertThat(answer)
                .startsWith("HTTP/1.1 408")
                .contains("arrived too slowly")
                .contains("Connection: close");
    }

    @Test
    void a_body_that_arrives_in_pieces_at_a_fair_rate_is_taken() throws Exception {
        byte[] body = "{\"verify_token\":\"pieces\"}".getBytes(StandardCharsets.UTF_8);
        Socket socket = startBody("POST", CONFIG, api.token("pieces"), body.length);
        OutputStream out = socket.getOutputStream();
        out.write(body, 1, 10); // startBody sent the first byte
        out.flush();
        Thread.sleep(300);
        out.write(body, 11, body.length - 11);
        out.flush();

        String answer = readUntilClosedOrComplete(socket);

        assertThat(answer).startsWith("HTTP/1.1 201");
    }

    @Test
    void only_so_many_bodies_from_one_address_at_once_on_the_webhook_path() throws Exception {
        List<Socket> open = new ArrayList<>();
        int allowed = APP.getConfiguration().getRequestBodies().getWebhookUploadsPerAddress();
        for (int i = 0; i < allowed; i++) {
            open.add(startBody("POST", WEBHOOK, null, 1_000));
        }
        Thread.sleep(200);

        Socket oneMore = startBody("POST", WEBHOOK, null, 1_000);
        String answer = readUntilClosed(oneMore, 5_000);

        assertThat(answer).startsWith("HTTP/1.1 429").contains("Retry-After: 1").contains("at most " + allowed);
        for (Socket socket : open) {
            socket.close();
        }
    }

    @Test
    void a_content_length_too_large_for_any_number_is_413_on_the_webhook_and_on_the_configuration() throws Exception {
        for (String length : List.of("999999999999", "2147483648")) {
            assertThat(answerTo("POST", WEBHOOK, null, length)).startsWith("HTTP/1.1 413");
            assertThat(answerTo("PUT", CONFIG, api.token("huge"), length))
                    .startsWith("HTTP/1.1 413")
                    .contains("\"detail\":\"The request body is larger than 64 KiB.\"");
        }
    }

    @Test
    void a_content_length_that_is_not_a_number_is_400() throws Exception {
        assertThat(answerTo("PUT", CONFIG, api.token("nan"), "12abc")).startsWith("HTTP/1.1 400");
    }

    /** Sends a request's head and the first byte of a body of {@code length} bytes. */
    private Socket startBody(String method, String path, String token, int length) throws IOException {
        Socket socket = new Socket("localhost", APP.getLocalPort());
        socket.setTcpNoDelay(true);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "X-Hub-Signature-256: sha256=00\r\n" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n{";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** What the service answers to a request that declares {@code contentLength} and sends a few bytes. */
    private String answerTo(String method, String path, String token, String contentLength) throws IOException {
        try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
            String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + contentLength + "\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return readUntilClosed(socket, 5_000);
        }
    }

    /** One more byte on each connection still open; a connection the service closed is skipped. */
    private static void trickleOneByte(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                // the service closed it: what the test expects
            }
        }
    }

    /** Everything the service sent until it closed the connection; fails when it keeps it open longer. */
    private static String readUntilClosed(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was still open after " + millis + " ms; it had answered: "
                    + answer.toString(StandardCharsets.UTF_8));
        } catch (IOException reset) {
            // closed with a reset after its answer
        }
        socket.close();
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** The answer's head and body, read until the body announced by its length is complete. */
    private static String readUntilClosedOrComplete(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            answer.write(buffer, 0, n);
            String text = answer.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd > 0 && text.substring(0, headEnd).matches("(?s).*Content-Length: \\d+.*")) {
                int length = Integer.parseInt(text.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                if (text.length() - headEnd - 4 >= length) {
                    break;
                }
            }
        }
        socket.close();
        return answer.toString(StandardCharsets.UTF_8);
    }
}
