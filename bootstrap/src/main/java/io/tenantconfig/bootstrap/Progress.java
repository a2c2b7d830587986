package io.tenantconfig.bootstrap;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The progress of a command that walks every row: on a terminal, a line per batch with the rows
 * done of all, the rate and the time left; elsewhere (a pipe, a log), nothing, since the command
 * prints a one-line summary at the end.
 */
public record Progress(long total, PrintStream out, long startedNanos) implements LongConsumer {

    public static LongConsumer onTerminal(long total) {
        return System.console() == null ? rows -> {} : new Progress(total, System.out, System.nanoTime());
    }

    @Override
    public void accept(long done) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        long rate = Math.round(done / seconds);
        long left = rate == 0 ? 0 : Math.max(0, total - done) / Math.max(1, rate);
        out.println(done + " of " + total + " rows, " + rate + " rows/s, about "
                + Duration.ofSeconds(left).toString().substring(2).toLowerCase() + " left");
    }
}
