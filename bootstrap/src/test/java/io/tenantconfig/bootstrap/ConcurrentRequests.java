package io.tenantconfig.bootstrap;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent from many threads at once, all released together, each thread sending its share in turn. */
final class ConcurrentRequests {

    @FunctionalInterface
    interface Request {
        /** The {@code n}th request of thread {@code thread}. */
        HttpResponse<String> send(int thread, int n) throws Exception;
    }

    private ConcurrentRequests() {}

    /** The status of every response, in no particular order. */
    static List<Integer> statuses(int threads, int each, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int n = 0; n < each; n++) {
                        statuses.add(request.send(thread, n).statusCode());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                statuses.addAll(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
