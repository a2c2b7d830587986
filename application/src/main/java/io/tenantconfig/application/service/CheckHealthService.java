package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.application.port.out.NumberCapacities;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.DomainEvent.ReauthorizationRequired.FoundBy;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.NumberCapacity;
import io.tenantconfig.domain.health.CheckFacts;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.HealthRules;
import io.tenantconfig.domain.health.HealthState;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import io.tenantconfig.domain.health.TokenRefreshPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's health check: for each WhatsApp Business Account with a token, ask Meta with that
 * token about it (refreshing it first when it is about to expire and can be extended), each of
 * the account's numbers and the numbers Meta lists in it; judge with {@link HealthRules}; store
 * the outcome with the events it causes. An account Meta cannot be reached for keeps its last
 * state known and the error is recorded; when no account could be reached the whole last state
 * is kept. A refresh is stored through the normal write path (versioned, audited, announced) with
 * its {@code token.refreshed} event; a refused token of the account the tenant signed up last
 * marks the configuration as needing re-authorization. What Meta said of each number's capacity
 * (throughput, quality, the portfolio's messaging limit, name status) is kept after the health.
 */
final class CheckHealthService implements CheckHealthUseCase {

    /** Who the audit trail names for changes a check makes. */
    static final Actor HEALTH_CHECK = new Actor("system:health-check");

    private static final System.Logger LOG = System.getLogger(CheckHealthService.class.getName());

    private final ConfigStore store;
    private final HealthStore healthStore;
    private final MetaHealth meta;
    private final NumberCapacities capacities;
    private final LockedWrite write;
    private final HealthPolicy policy;
    private final Clock clock;

    CheckHealthService(
            ConfigStore store,
            HealthStore healthStore,
            MetaHealth meta,
            NumberCapacities capacities,
            LockedWrite write,
            HealthPolicy policy,
            Clock clock) {
        this.store = store;
        this.healthStore = healthStore;
        this.meta = meta;
        this.capacities = capacities;
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
        Health before = previous.get();
        Map<MetaId, NumberCapacity> read = new HashMap<>();
        Health after = assess(found.get(), before, read);
        if (!healthStore.record(tenantId, after, changed(tenantId, before, after, clock.instant()))) {
            return new Result.NotFound();
        }
        keepCapacity(tenantId, read);
        return new Result.Checked(after);
    }

    /** Each number's capacity as Meta answered it; the health is stored already, so a failure here waits for the next check. */
    private void keepCapacity(TenantId tenantId, Map<MetaId, NumberCapacity> read) {
        try {
            capacities.checked(tenantId, read, now());
        } catch (StoreUnavailableException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not keep the capacity of a tenant's numbers after its health check: the next check will");
        }
    }

    /**
     * Checks each account that has a token with that token, one after the other. An account Meta
     * cannot be reached for keeps what was known of it and the error is recorded; the others'
     * results are kept. When Meta could be reached for none, the whole last state is kept.
     */
    private Health assess(TenantConfig config, Health before, Map<MetaId, NumberCapacity> read) {
        Map<MetaId, CheckFacts> facts = new HashMap<>();
        List<HealthReason> extra = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean named = config.accounts().size() > 1;
        TenantConfig current = config;
        for (Account account : config.accounts().all()) {
            if (account.token().accessToken() == null) {
                continue;
            }
            try {
                Checked checked = check(current, account, read);
                if (checked == null) {
                    return Health.NEVER_CHECKED;
                }
                current = checked.config();
                facts.put(account.wabaId(), checked.facts());
                checked.reasons().stream()
                        .map(reason -> reason.about(account.wabaId(), named))
                        .forEach(extra::add);
            } catch (MetaCallFailedException e) {
                String error = e.failure().message();
                errors.add(
                        named && account.wabaId() != null
                                ? "WhatsApp Business Account " + account.wabaId() + ": " + error
                                : error);
            }
        }
        if (facts.isEmpty() && !errors.isEmpty()) {
            return before.unreachable(now(), String.join("; ", errors));
        }
        Health health = HealthRules.assess(current, expectedApp(current), facts, before, now(), policy.expiringWindow())
                .with(extra);
        return errors.isEmpty() ? health : health.unreachable(now(), String.join("; ", errors));
    }

    /** What one account's check found: Meta's facts, the reasons of a refresh, and the configuration after it. */
    private record Checked(TenantConfig config, CheckFacts facts, List<HealthReason> reasons) {}

    /**
     * One account checked with its own token: {@code debug_token} (the token extended first when
     * it can be and is about to expire), then its numbers (their capacity put in {@code read}) and
     * the numbers Meta lists in it. Null when the configuration is gone.
     */
    private Checked check(TenantConfig config, Account account, Map<MetaId, NumberCapacity> read) {
        MetaId wabaId = account.wabaId();
        Secret token = account.token().accessToken();
        TokenFacts facts = meta.inspect(token, config.app());
        List<HealthReason> refreshReasons = new ArrayList<>();
        boolean refreshed = false;
        if (refreshable(facts)) {
            Optional<AccessGrant> grant = refresh(token, config.app(), refreshReasons);
            if (grant.isPresent()) {
                config = stored(config.tenantId(), wabaId, grant.get());
                if (config == null) {
                    return null;
                }
                refreshed = true;
                token = grant.get().token();
                facts = new TokenFacts(
                        true,
                        null,
                        null,
                        facts.type(),
                        facts.appId(),
                        grant.get().expiresAt(),
                        facts.dataAccessExpiresAt(),
                        facts.scopes(),
                        facts.scopeTargets());
            } else if (refreshReasons.stream().anyMatch(r -> r.state() == HealthState.INVALID)) {
                markReauthorizationRequired(config, account);
                return new Checked(config, new CheckFacts(facts, List.of(), null), refreshReasons);
            }
        }
        if (!facts.valid()) {
            markReauthorizationRequired(config, account);
            return new Checked(config, new CheckFacts(facts, List.of(), null), refreshReasons);
        }
        if (!refreshed && reportsSomethingNew(facts, account)) {
            config = Objects.requireNonNullElse(verified(config.tenantId(), wabaId, facts), config);
        }
        List<NumberFacts> numbers = new ArrayList<>();
        for (PhoneNumber number : config.phoneNumbers().inAccount(wabaId)) {
            NumberFacts fact = meta.phoneNumber(number.id(), token);
            numbers.add(fact);
            if (fact.known()) {
                read.put(number.id(), fact.capacity());
            }
        }
        Set<MetaId> inAccount = wabaId == null ? null : meta.accountNumbers(wabaId, token);
        return new Checked(config, new CheckFacts(facts, numbers, inAccount), refreshReasons);
    }

    /** Whether the token goes to {@code fb_exchange_token} now: {@link TokenRefreshPolicy} decides. */
    private boolean refreshable(TokenFacts token) {
        return TokenRefreshPolicy.decide(token, now(), policy.refreshWindow())
                instanceof TokenRefreshPolicy.TokenRefresh.Extend;
    }

    /**
     * Asks Meta to extend the token, retrying a failure to answer with backoff; a refusal ends the
     * attempts. Adds the reason when it gives up; the stored token is kept whatever happens.
     */
    private Optional<AccessGrant> refresh(Secret token, AppCredentials app, List<HealthReason> reasons) {
        Duration wait = policy.refreshBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(meta.extend(token, app));
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

    /** The account's refreshed token stored through the write path, with its event; null when the configuration is gone. */
    private TenantConfig stored(TenantId tenantId, MetaId wabaId, AccessGrant grant) {
        return write.apply(
                        tenantId,
                        ExpectedVersion.any(),
                        HEALTH_CHECK,
                        current -> current.tokenRefreshed(wabaId, grant, clock))
                .match(config -> config, () -> null, version -> null, refusal -> null);
    }

    /** Whether Meta reports a token type or scopes that are not the ones the account holds. */
    private static boolean reportsSomethingNew(TokenFacts facts, Account account) {
        boolean newType = facts.type() != null && !facts.type().equals(account.tokenType());
        boolean newScopes = !facts.scopes().isEmpty() && !facts.scopes().equals(account.scopes());
        return newType || newScopes;
    }

    /**
     * The token's type and scopes as Meta reports them, stored with the verification when they are
     * not the ones known (once per token, not at every check); null when nothing was stored.
     */
    private TenantConfig verified(TenantId tenantId, MetaId wabaId, TokenFacts facts) {
        return write.apply(
                        tenantId,
                        ExpectedVersion.any(),
                        HEALTH_CHECK,
                        current ->
                                current.tokenVerified(wabaId, facts.expiresAt(), facts.type(), facts.scopes(), clock))
                .match(config -> config, () -> null, version -> null, refusal -> null);
    }

    /**
     * Meta refused the token of {@code refused}: when that is the account the tenant last signed up
     * (the onboarding number's; the primary one when onboarding names no number of the tenant's)
     * and it still holds that token, the tenant has to sign up again. A refused token of another
     * account shows in that account's health only.
     */
    private void markReauthorizationRequired(TenantConfig config, Account refused) {
        if (config.onboarding().status() == OnboardingStatus.REAUTHORIZATION_REQUIRED
                || !signedUp(config).is(refused.wabaId())) {
            return;
        }
        Secret token = refused.token().accessToken();
        write.apply(
                config.tenantId(),
                ExpectedVersion.any(),
                HEALTH_CHECK,
                current -> signedUp(current).is(refused.wabaId())
                                && token.equals(signedUp(current).token().accessToken())
                        ? current.reauthorizationRequired(FoundBy.HEALTH_CHECK, clock)
                        : new Outcome.Unchanged());
    }

    /** The account whose token onboarding works with. */
    private static Account signedUp(TenantConfig config) {
        return config.onboardingNumber().isPresent() ? config.onboardingAccount() : config.primaryAccount();
    }

    private MetaId expectedApp(TenantConfig config) {
        return config.app().appId() != null && config.app().appSecret() != null
                ? config.app().appId()
                : meta.platformApp();
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
