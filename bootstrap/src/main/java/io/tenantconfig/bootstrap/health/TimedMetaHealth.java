package io.tenantconfig.bootstrap.health;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import java.util.Set;
import java.util.function.Supplier;

/** Meta's health calls with a timer each ({@code tenant-config.graph.<call>}) and a meter of refreshed tokens. */
public final class TimedMetaHealth implements MetaHealth {

    private final MetaHealth meta;
    private final Timer inspect;
    private final Timer phoneNumber;
    private final Timer accountNumbers;
    private final Timer extend;
    private final Meter refreshed;

    public TimedMetaHealth(MetaHealth meta, MetricRegistry metrics) {
        this.meta = meta;
        this.inspect = metrics.timer("tenant-config.graph.debug-token");
        this.phoneNumber = metrics.timer("tenant-config.graph.phone-number");
        this.accountNumbers = metrics.timer("tenant-config.graph.account-numbers");
        this.extend = metrics.timer("tenant-config.graph.extend-token");
        this.refreshed = metrics.meter("tenant-config.health.refreshes");
    }

    @Override
    public TokenFacts inspect(Secret token, AppCredentials tenantApp) {
        return timed(inspect, () -> meta.inspect(token, tenantApp));
    }

    @Override
    public NumberFacts phoneNumber(MetaId phoneNumberId, Secret token) {
        return timed(phoneNumber, () -> meta.phoneNumber(phoneNumberId, token));
    }

    @Override
    public Set<MetaId> accountNumbers(MetaId wabaId, Secret token) {
        return timed(accountNumbers, () -> meta.accountNumbers(wabaId, token));
    }

    @Override
    public AccessGrant extend(Secret token, AppCredentials tenantApp) {
        AccessGrant grant = timed(extend, () -> meta.extend(token, tenantApp));
        refreshed.mark();
        return grant;
    }

    @Override
    public MetaId platformApp() {
        return meta.platformApp();
    }

    private static <T> T timed(Timer timer, Supplier<T> call) {
        try (Timer.Context ignored = timer.time()) {
            return call.get();
        }
    }
}
