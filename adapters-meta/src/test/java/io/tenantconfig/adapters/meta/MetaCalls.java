package io.tenantconfig.adapters.meta;

import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;

/** How the adapters' tests take a call to Meta that must fail: the failure it reported. */
final class MetaCalls {

    private MetaCalls() {}

    /** The failure {@code call} reported; the test fails when it did not fail. */
    static MetaFailure failureOf(Runnable call) {
        try {
            call.run();
        } catch (MetaCallFailedException e) {
            return e.failure();
        }
        throw new AssertionError("the call did not fail");
    }
}
