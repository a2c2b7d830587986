package io.tenantconfig.bootstrap.http;

import io.tenantconfig.adapters.rest.RestApi;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body before any request thread takes the request, so a client that
 * sends its body slowly holds a connection and the bytes it sent, never one of the few threads
 * every other request waits for. Jersey then reads the body from memory.
 *
 * <p>While it is read, its rate is checked whenever bytes arrive (averaged from the start of the
 * read, after its first second; slower: 408), the read has a deadline (Jetty's scheduler; later:
 * 408), and a body
 * larger than its path's limit is refused (413) at once when {@code Content-Length} says so, or
 * as soon as it grows past it. On Meta's public webhook paths one source address may be sending
 * only so many bodies at once (429): a body counts while it is being received, not while it is
 * handled, so a sender whose bodies arrive whole is never limited. Every refusal closes the
 * connection. Requests without a body pass straight through, at no cost.
 */
final class BodyFirstHandler extends Handler.Wrapper {

    /**
     * The rate, the deadline and the uploads per address. The largest body of each path, and which
     * paths are Meta's public ones, are the API's ({@link RestApi#largestBody}), the same rule Jersey applies.
     */
    record Limits(long minimumBytesPerSecond, long readTimeoutMillis, int publicUploadsPerAddress) {}

    private final Limits limits;
    private final Problems problems;
    private final ConcurrentHashMap<String, Integer> publicUploads = new ConcurrentHashMap<>();

    BodyFirstHandler(Handler next, Limits limits, Problems problems) {
        super(next);
        this.limits = limits;
        this.problems = problems;
    }

    /** Writes the service's JSON error body; the connection is closed after it. */
    interface Problems {
        byte[] json(int status, String detail);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request)) {
            return super.handle(request, response, callback);
        }
        String path = request.getHttpURI().getDecodedPath();
        boolean publicPath = RestApi.isWebhookPath(path);
        int largest = RestApi.largestBody(path);
        if (request.getLength() > largest) {
            refuse(response, callback, 413, "The request body is larger than " + largest / 1024 + " KiB.");
            return true;
        }
        if (!publicPath) {
            new Upload(request, response, callback, largest, () -> {}).start();
            return true;
        }
        String address = Request.getRemoteAddr(request);
        if (!startUpload(address)) {
            refuse(
                    response,
                    callback,
                    429,
                    "Too many request bodies from one address at once: at most " + limits.publicUploadsPerAddress()
                            + ". Try again in 1 second.");
            return true;
        }
        new Upload(request, response, callback, largest, () -> endUpload(address)).start();
        return true;
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private boolean startUpload(String address) {
        boolean[] started = new boolean[1];
        publicUploads.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limits.publicUploadsPerAddress()) {
                return count;
            }
            started[0] = true;
            return now + 1;
        });
        return started[0];
    }

    private void endUpload(String address) {
        publicUploads.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    private void refuse(Response response, Callback callback, int status, String detail) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        if (status == 429) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        response.write(true, ByteBuffer.wrap(problems.json(status, detail)), callback);
    }

    /**
     * One body being read. Reading never blocks: what has arrived is copied (a chunk's network
     * buffer is released at once, so tiny chunks cannot pin buffers), then Jetty is asked to call
     * back when more arrives. Exactly one of "complete", "refused" and "timed out" settles it.
     */
    private final class Upload implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final int largest;
        /** Runs once, when the body is read (or refused): the upload no longer counts against its address. */
        private final Runnable uploaded;

        private final AtomicBoolean settled = new AtomicBoolean();
        private final long startedNanos = System.nanoTime();
        private byte[] bytes = new byte[0];
        private int size;
        private Scheduler.Task deadline;

        Upload(Request request, Response response, Callback callback, int largest, Runnable uploaded) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.largest = largest;
            this.uploaded = uploaded;
        }

        void start() {
            deadline = request.getComponents()
                    .getScheduler()
                    .schedule(this::timedOut, limits.readTimeoutMillis(), TimeUnit.MILLISECONDS);
            read(false);
        }

        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean calledBack) {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failed(chunk.getFailure());
                    return;
                }
                boolean last = chunk.isLast();
                boolean fits = append(chunk.getByteBuffer());
                chunk.release();
                if (!fits) {
                    settle(413, "The request body is larger than " + largest / 1024 + " KiB.");
                    return;
                }
                if (!last && tooSlow()) {
                    settle(
                            408,
                            "The request body arrived too slowly: at least " + limits.minimumBytesPerSecond()
                                    + " bytes a second are expected.");
                    return;
                }
                if (last) {
                    if (settled.compareAndSet(false, true)) {
                        deadline.cancel();
                        uploaded.run();
                        if (calledBack) {
                            request.getContext().execute(this::handOn);
                        } else {
                            handOn();
                        }
                    }
                    return;
                }
            }
        }

        private boolean append(ByteBuffer buffer) {
            int n = buffer.remaining();
            if ((long) size + n > largest) {
                return false;
            }
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(largest, Math.max(size + n, Math.max(1024, bytes.length * 2))));
            }
            buffer.get(bytes, size, n);
            size += n;
            return true;
        }

        /** Fewer bytes than the minimum rate asks for the time since the read began (after its first second). */
        private boolean tooSlow() {
            long elapsedNanos = System.nanoTime() - startedNanos;
            return elapsedNanos > TimeUnit.SECONDS.toNanos(1)
                    && size < limits.minimumBytesPerSecond() * elapsedNanos / TimeUnit.SECONDS.toNanos(1);
        }

        /** Nothing arrived for the connector's idle timeout: 408; the connection failed otherwise: nothing to answer. */
        private void failed(Throwable failure) {
            if (failure instanceof TimeoutException) {
                settle(408, "The request body stopped arriving.");
            } else if (settled.compareAndSet(false, true)) {
                deadline.cancel();
                uploaded.run();
                callback.failed(failure);
            }
        }

        private void timedOut() {
            settle(
                    408,
                    "The request body did not arrive within "
                            + TimeUnit.MILLISECONDS.toSeconds(limits.readTimeoutMillis()) + " seconds.");
        }

        private void settle(int status, String detail) {
            if (settled.compareAndSet(false, true)) {
                deadline.cancel();
                uploaded.run();
                refuse(response, callback, status, detail);
            }
        }

        private void handOn() {
            Request whole = new WholeBody(request, ByteBuffer.wrap(bytes, 0, size));
            try {
                if (!getHandler().handle(whole, response, callback)) {
                    Response.writeError(whole, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(whole, response, callback, t);
            }
        }
    }

    /** The request with its body already read: one last chunk, then the end. */
    private static final class WholeBody extends Request.Wrapper {
        private Content.Chunk body;

        WholeBody(Request request, ByteBuffer bytes) {
            super(request);
            this.body = Content.Chunk.from(bytes, true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk next = body;
            body = Content.Chunk.EOF;
            return next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            return true;
        }
    }
}
