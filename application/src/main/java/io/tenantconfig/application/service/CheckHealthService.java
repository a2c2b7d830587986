package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.DomainEvent.ReauthorizationRequired.FoundBy;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.CheckFacts;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.HealthRules;
import io.tenantconfig.domain.health.HealthState;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's health check: ask Meta about the token (refreshing it first when it is about to
 * expire and can be extended), each number and the account's numbers; judge with
 * {@link HealthRules}; store the outcome with the events it causes. A check that cannot reach
 * Meta keeps the last state known and records the error. A refresh is stored through the normal
 * write path (versioned, audited, announced) with its {@code token.refreshed} event; a token Meta
 * refuses marks the configuration as needing re-authorization.
 */
final class CheckHealthService implements CheckHealthUseCase {

    /** Who the audit trail names for changes a check makes. */
    static final Actor HEALTH_CHECK = new Actor("system:health-check");

    private final ConfigStore store;
    private final HealthStore healthStore;
    private final MetaHealth meta;
    private final LockedWrite write;
    private final HealthPolicy policy;
    private final Clock clock;

    CheckHealthService(
            ConfigStore store,
            HealthStore healthStore,
            MetaHealth meta,
            LockedWrite write,
            HealthPolicy policy,
            Clock clock) {
        this.store = store;
        this.healthStore = healthStore;
        this.meta = meta;
        this.write = write;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Result check(TenantId tenantId) {
        Optional<TenantConfig> found = store.load(tenantId);
        Optional<Health> previous = healthStore.healthOf(tenantId);
        if (found.isEmpty() || previous.isEmpty()) {
            return new Result.NotFound();
        }
        TenantConfig config = found.get();
        Health before = previous.get();
        Health after;
        if (config.token().accessToken() == null) {
            after = withoutToken(clock.instant());
        } else {
            try {
                after = assess(config);
            } catch (MetaCallFailedException e) {
                after = before.unreachable(clock.instant(), e.failure().message());
            }
        }
        return healthStore.record(tenantId, after, changed(tenantId, before, after, clock.instant()))
                ? new Result.Checked(after)
                : new Result.NotFound();
    }

    private Health assess(TenantConfig config) {
        TokenFacts token = meta.inspect(config.token().accessToken(), config.app());
        List<HealthReason> refreshReasons = new ArrayList<>();
        if (refreshable(token)) {
            Optional<AccessGrant> grant = refresh(config, refreshReasons);
            if (grant.isPresent()) {
                TenantConfig refreshed = stored(config.tenantId(), grant.get());
                if (refreshed == null) {
                    return Health.NEVER_CHECKED;
                }
                config = refreshed;
                token = new TokenFacts(
                        true,
                        null,
                        null,
                        token.type(),
                        token.appId(),
                        grant.get().expiresAt(),
                        token.dataAccessExpiresAt(),
                        token.scopes(),
                        token.scopeTargets());
            } else if (refreshReasons.stream().anyMatch(r -> r.state() == HealthState.INVALID)) {
                markReauthorizationRequired(config);
                return HealthRules.assess(
                                config,
                                expectedApp(config),
                                new CheckFacts(token, List.of(), null),
                                now(),
                                policy.expiringWindow())
                        .with(refreshReasons);
            }
        }
        if (!token.valid()) {
            markReauthorizationRequired(config);
            return HealthRules.assess(
                    config,
                    expectedApp(config),
                    new CheckFacts(token, List.of(), null),
                    now(),
                    policy.expiringWindow());
        }
        List<NumberFacts> numbers = new ArrayList<>();
        for (PhoneNumber number : config.phoneNumbers().all()) {
            numbers.add(meta.phoneNumber(number.id(), tokenFor(config, number)));
        }
        Set<MetaId> inAccount = config.account().wabaId() == null ? null : numbersInAccounts(config);
        Health health = HealthRules.assess(
                config, expectedApp(config), new CheckFacts(token, numbers, inAccount), now(), policy.expiringWindow());
        return health.with(refreshReasons);
    }

    /** The token of the number's own account; the primary account's when that one has none. */
    private static Secret tokenFor(TenantConfig config, PhoneNumber number) {
        return config.accountOf(number.id())
                .map(account -> account.token().accessToken())
                .orElse(config.token().accessToken());
    }

    /** The numbers Meta lists in the tenant's accounts, each account asked with its own token. */
    private Set<MetaId> numbersInAccounts(TenantConfig config) {
        Set<MetaId> listed = new HashSet<>();
        for (Account account : config.accounts().all()) {
            if (account.wabaId() != null && account.token().accessToken() != null) {
                listed.addAll(
                        meta.accountNumbers(account.wabaId(), account.token().accessToken()));
            }
        }
        return listed;
    }

    /** A token that expires (some day) and that Meta can extend: a user token inside the refresh window. */
    private boolean refreshable(TokenFacts token) {
        return token.valid()
                && token.expiresAt() != null
                && "USER".equals(token.type())
                && !token.expiresAt().isAfter(now().plus(policy.refreshWindow()));
    }

    /**
     * Asks Meta to extend the token, retrying a failure to answer with backoff; a refusal ends the
     * attempts. Adds the reason when it gives up; the stored token is kept whatever happens.
     */
    private Optional<AccessGrant> refresh(TenantConfig config, List<HealthReason> reasons) {
        Duration wait = policy.refreshBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(meta.extend(config.token().accessToken(), config.app()));
            } catch (MetaCallFailedException e) {
                MetaFailure failure = e.failure();
                if (failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
                    reasons.add(HealthRules.invalid(failure.code(), failure.subcode()));
                    return Optional.empty();
                }
                boolean transientFailure = failure.kind() == MetaFailure.Kind.META_UNAVAILABLE
                        || failure.kind() == MetaFailure.Kind.TIMEOUT
                        || failure.kind() == MetaFailure.Kind.RATE_LIMITED;
                if (!transientFailure || attempt >= policy.refreshAttempts()) {
                    reasons.add(new HealthReason(
                            HealthReason.Code.TOKEN_REFRESH_FAILED,
                            "Extending your access token failed (" + failure.message()
                                    + "); it will be tried again at the next check."));
                    return Optional.empty();
                }
                sleep(failure.retryAfter() != null ? failure.retryAfter() : wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** The refreshed token stored through the write path, with its event; null when the configuration is gone. */
    private TenantConfig stored(TenantId tenantId, AccessGrant grant) {
        return write.apply(
                        tenantId,
                        ExpectedVersion.any(),
                        HEALTH_CHECK,
                        current ->
                                current.tokenRefreshed(current.primaryAccount().wabaId(), grant, clock))
                .match(config -> config, () -> null, version -> null, refusal -> null);
    }

    private void markReauthorizationRequired(TenantConfig config) {
        if (config.onboarding().status() == OnboardingStatus.REAUTHORIZATION_REQUIRED) {
            return;
        }
        write.apply(
                config.tenantId(),
                ExpectedVersion.any(),
                HEALTH_CHECK,
                current -> current.token().accessToken() != null
                                && current.token()
                                        .accessToken()
                                        .equals(config.token().accessToken())
                        ? current.reauthorizationRequired(FoundBy.HEALTH_CHECK, clock)
                        : new Outcome.Unchanged());
    }

    private MetaId expectedApp(TenantConfig config) {
        return config.app().appId() != null && config.app().appSecret() != null
                ? config.app().appId()
                : meta.platformApp();
    }

    private static Health withoutToken(Instant now) {
        return new Health(
                List.of(new HealthReason(
                        HealthReason.Code.NO_TOKEN,
                        "No access token of yours is stored, so there is nothing to check; the platform's"
                                + " credentials are used.")),
                now,
                null,
                List.of(),
                null,
                null);
    }

    /** What the platform hears of a tenant's health going from {@code before} to {@code after}: nothing when it stayed. */
    static List<PlatformEvent> changed(TenantId tenantId, Health before, Health after, Instant now) {
        return after.changedFrom(before)
                ? PlatformEvent.of(new DomainEvent.HealthChanged(tenantId, before, after), now).stream()
                        .toList()
                : List.of();
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaCallFailedException(MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "interrupted"));
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
