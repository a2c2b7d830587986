package io.tenantconfig.bootstrap;

/**
 * A command finished its work but for some items, and has reported each of them: it ends with
 * exit status 2 and this one line, without a stack trace (nothing else went wrong).
 */
public class PartlyDone extends RuntimeException {

    public static final int EXIT_STATUS = 2;

    public PartlyDone(String message) {
        super(message, null, false, false);
    }
}
