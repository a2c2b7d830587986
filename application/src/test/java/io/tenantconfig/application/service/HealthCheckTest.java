package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.NumberCapacity;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthState;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import io.tenantconfig.testing.SecretValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One tenant's health check: Meta's answers, the state stored, the refresh, the events. */
class HealthCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final Set<String> BOTH = Set.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING);

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaHealth meta = new ScriptedMetaHealth();
    private final HealthFeature feature = TestFeatures.over(
                    store,
                    new ScriptedMetaOnboarding(),
                    meta,
                    variable -> Optional.empty(),
                    new TestFeatures.Settings(
                            OnboardingPolicy.DEFAULT,
                            50,
                            new HealthPolicy(Duration.ofDays(7), Duration.ofDays(7), 3, Duration.ZERO),
                            SweepPolicy.DEFAULT),
                    new ResolutionCounter(),
                    Clock.fixed(NOW, ZoneOffset.UTC))
            .health();

    @BeforeEach
    void acmeIsOnboarded() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme")
                .onboardedAt(NOW.minus(Duration.ofDays(30)))
                .build()));
    }

    private Health check() {
        return feature.checkHealth().check(ACME).match(health -> health, () -> null);
    }

    private TenantConfig acme() {
        return store.load(ACME).orElseThrow();
    }

    private static TokenFacts userToken(Instant expiresAt) {
        return new TokenFacts(true, null, null, "USER", ScriptedMetaHealth.PLATFORM_APP, expiresAt, BOTH, Map.of());
    }

    @Test
    void a_healthy_tenant_is_stored_as_healthy_with_its_numbers_and_the_change_is_published() {
        Health health = check();

        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(health.numbers()).hasSize(1);
        assertThat(feature.viewHealth().health(ACME)).contains(health);
        assertThat(store.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(PlatformEvent.HEALTH_CHANGED);
            assertThat(event.data()).containsEntry("state", "HEALTHY").containsEntry("previous_state", "UNKNOWN");
        });
        assertThat(meta.calls())
                .containsExactly(
                        "inspect",
                        "number " + TestConfigs.phoneNumberIdOf("acme"),
                        "account " + TestConfigs.wabaIdOf("acme"));
    }

    @Test
    void a_check_keeps_each_numbers_throughput_quality_and_portfolio_limit_for_the_lookup() {
        MetaId number = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
        meta.number(new NumberFacts(number, true, "CONNECTED", "YELLOW", "APPROVED", null, "HIGH", "TIER_100K"));

        check();

        NumberOwner owner = store.ownerOfNumber(number).orElseThrow();
        assertThat(owner.capacity()).isEqualTo(new NumberCapacity("HIGH", "YELLOW", "TIER_100K", "APPROVED"));
        assertThat(owner.messagesPerSecond()).isEqualTo(1_000);
    }

    @Test
    void the_same_state_again_publishes_nothing_more() {
        check();
        check();

        assertThat(store.events()).hasSize(1);
    }

    @Test
    void a_token_meta_reports_expired_is_invalid_and_the_tenant_has_to_sign_up_again() {
        meta.tokensAre(token -> new TokenFacts(false, 190, 463, null, null, null, Set.of(), Map.of()));

        Health health = check();

        assertThat(health.state()).isEqualTo(HealthState.INVALID);
        assertThat(health.reasons()).extracting(reason -> reason.code().name()).containsExactly("TOKEN_EXPIRED");
        assertThat(acme().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(store.events())
                .extracting(PlatformEvent::type)
                .containsExactly(PlatformEvent.REAUTHORIZATION_REQUIRED, PlatformEvent.HEALTH_CHANGED);
        assertThat(meta.calls()).containsExactly("inspect");
    }

    @Test
    void an_expiring_user_token_is_refreshed_through_the_write_path_and_the_tenant_stays_healthy() {
        Secret newToken = Secret.of(SecretValues.secret("EAAG-extended-token"));
        Instant newExpiry = NOW.plus(Duration.ofDays(60));
        meta.tokensAre(token -> userToken(NOW.plus(Duration.ofDays(3))))
                .extensionsAnswer(new AccessGrant(newToken, newExpiry));
        int version = acme().version();

        Health health = check();

        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(health.tokenExpiresAt()).isEqualTo(newExpiry);
        assertThat(acme().token().accessToken()).isEqualTo(newToken);
        assertThat(acme().token().expiresAt()).isEqualTo(newExpiry);
        assertThat(acme().version()).isEqualTo(version + 1);
        assertThat(store.auditTrail()).last().satisfies(record -> {
            assertThat(record.entry().action()).isEqualTo(AuditAction.TOKEN_REFRESHED);
            assertThat(record.entry().actor().subject()).isEqualTo("system:health-check");
        });
        assertThat(store.events())
                .extracting(PlatformEvent::type)
                .containsExactly(PlatformEvent.TOKEN_REFRESHED, PlatformEvent.HEALTH_CHANGED);
        assertThat(store.events().get(0).data()).isEqualTo(Map.of("token_expires_at", newExpiry.toString()));
        assertThat(store.events().toString()).doesNotContain("EAAG");
    }

    @Test
    void a_refresh_meta_fails_to_answer_is_retried_and_never_loses_the_token() {
        meta.tokensAre(token -> userToken(NOW.plus(Duration.ofDays(3))))
                .extensionsAnswer(
                        MetaFailure.of(MetaFailure.Kind.TIMEOUT, "Meta did not answer within 10 seconds"),
                        MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta answered HTTP 502"),
                        new AccessGrant(
                                Secret.of(SecretValues.secret("EAAG-third-time")), NOW.plus(Duration.ofDays(60))));

        assertThat(check().state()).isEqualTo(HealthState.HEALTHY);
        assertThat(meta.calls()).filteredOn("extend"::equals).hasSize(3);
        assertThat(acme().token().accessToken().reveal()).isEqualTo("EAAG-third-time");
    }

    @Test
    void a_refresh_that_keeps_failing_leaves_the_token_and_says_so() {
        Secret before = acme().token().accessToken();
        meta.tokensAre(token -> userToken(NOW.plus(Duration.ofDays(3))))
                .extensionsAnswer(
                        MetaFailure.of(MetaFailure.Kind.TIMEOUT, "no answer"),
                        MetaFailure.of(MetaFailure.Kind.TIMEOUT, "no answer"),
                        MetaFailure.of(MetaFailure.Kind.TIMEOUT, "no answer"));

        Health health = check();

        assertThat(health.state()).isEqualTo(HealthState.EXPIRING);
        assertThat(health.reasons())
                .extracting(reason -> reason.code().name())
                .containsExactlyInAnyOrder("TOKEN_REFRESH_FAILED", "TOKEN_EXPIRING");
        assertThat(acme().token().accessToken()).isEqualTo(before);
        assertThat(meta.calls())
                .filteredOn("extend"::equals)
                .as("three attempts, no more")
                .hasSize(3);
        assertThat(acme().onboarding().status())
                .as("a refresh Meta did not answer is no reason to sign up again")
                .isEqualTo(OnboardingStatus.COMPLETED);
    }

    @Test
    void a_refresh_meta_refuses_with_190_makes_the_token_invalid() {
        meta.tokensAre(token -> userToken(NOW.plus(Duration.ofDays(3))))
                .extensionsAnswer(new MetaFailure(MetaFailure.Kind.TOKEN_INVALID, "expired", 190, 463, "trace", null));

        Health health = check();

        assertThat(health.state()).isEqualTo(HealthState.INVALID);
        assertThat(acme().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(meta.calls()).filteredOn("extend"::equals).hasSize(1);
    }

    @Test
    void a_business_token_is_never_sent_to_be_extended_even_about_to_expire_and_its_type_is_stored() {
        Instant soon = NOW.plus(Duration.ofDays(2));
        meta.tokensAre(token ->
                new TokenFacts(true, null, null, "SYSTEM_USER", ScriptedMetaHealth.PLATFORM_APP, soon, BOTH, Map.of()));
        Secret token = acme().token().accessToken();

        Health health = check();

        assertThat(meta.calls()).doesNotContain("extend");
        assertThat(acme().token().accessToken()).isEqualTo(token);
        assertThat(acme().primaryAccount().tokenType()).isEqualTo("SYSTEM_USER");
        assertThat(health.reasons()).extracting(reason -> reason.code().name()).containsExactly("TOKEN_EXPIRING");
    }

    @Test
    void tokens_that_never_expire_or_expire_later_are_left_alone() {
        meta.tokensAre(token -> userToken(NOW.plus(Duration.ofDays(30))));
        check();
        meta.tokensAre(token -> userToken(null));
        check();

        assertThat(meta.calls()).doesNotContain("extend");
    }

    @Test
    void an_unreachable_meta_keeps_the_last_state_records_the_error_and_publishes_nothing() {
        meta.number(new NumberFacts(MetaId.parse(TestConfigs.phoneNumberIdOf("acme")), true, "CONNECTED", "RED", null));
        Health last = check();
        meta.unreachable(MetaFailure.of(MetaFailure.Kind.TIMEOUT, "Meta did not answer within 10 seconds"));

        Health health = check();

        assertThat(last.state()).isEqualTo(HealthState.NUMBER_PROBLEM);
        assertThat(health.state()).isEqualTo(HealthState.NUMBER_PROBLEM);
        assertThat(health.lastError()).isEqualTo("Meta did not answer within 10 seconds");
        assertThat(health.failedAt()).isEqualTo(NOW);
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void a_tenant_without_a_configuration_is_not_found_and_one_without_a_token_has_nothing_to_check() {
        assertThat(feature.checkHealth().check(TenantId.of("nobody")))
                .isInstanceOf(CheckHealthUseCase.Result.NotFound.class);
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aMinimalConfig("bare").build()));

        Health bare = feature.checkHealth().check(TenantId.of("bare")).match(h -> h, () -> null);

        assertThat(bare.state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(bare.reasons()).extracting(reason -> reason.code().name()).containsExactly("NO_TOKEN");
        assertThat(meta.calls()).isEmpty();
    }

    @Test
    void admins_see_counts_per_state_and_who_needs_action_worst_first() {
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("globex").build()));
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("initech").build()));
        feature.checkHealth().check(TenantId.of("initech"));
        meta.tokensAre(token -> userToken(NOW.plus(Duration.ofDays(3))))
                .extensionsAnswer(MetaFailure.of(MetaFailure.Kind.REJECTED, "not extendable"));
        feature.checkHealth().check(TenantId.of("globex"));
        meta.tokensAre(token -> new TokenFacts(false, 190, 460, null, null, null, Set.of(), Map.of()));
        check();

        assertThat(feature.viewHealth().counts())
                .containsEntry(HealthState.INVALID, 1L)
                .containsEntry(HealthState.EXPIRING, 1L)
                .containsEntry(HealthState.HEALTHY, 1L)
                .containsEntry(HealthState.UNKNOWN, 0L);
        assertThat(feature.viewHealth().needingAction(10))
                .extracting(t -> t.tenantId().value())
                .containsExactly("acme", "globex");
    }

    @Test
    void reasons_are_worst_first_whichever_part_of_the_check_found_them() {
        meta.tokensAre(token -> userToken(NOW.plus(Duration.ofDays(3))))
                .extensionsAnswer(MetaFailure.of(MetaFailure.Kind.REJECTED, "not extendable"))
                .number(new NumberFacts(
                        MetaId.parse(TestConfigs.phoneNumberIdOf("acme")), true, "CONNECTED", "RED", null));

        Health health = check();

        assertThat(health.state()).isEqualTo(HealthState.NUMBER_PROBLEM);
        assertThat(health.reasons())
                .extracting(reason -> reason.code().name())
                .containsExactly("NUMBER_QUALITY_RED", "TOKEN_REFRESH_FAILED", "TOKEN_EXPIRING");
        assertThat(meta.calls())
                .filteredOn("extend"::equals)
                .as("a refusal other than 190 is not retried")
                .hasSize(1);
    }

    @Test
    void a_tenant_with_its_own_app_is_checked_against_that_app() {
        MetaId ownApp = MetaId.parse("777");
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("own-app")
                .app(new AppCredentials(ownApp, Secret.of(SecretValues.secret("own-app-secret-of-acme"))))
                .build()));
        meta.tokensAre(token -> new TokenFacts(true, null, null, "SYSTEM_USER", ownApp, null, BOTH, Map.of()));
        Health ownAppsToken =
                feature.checkHealth().check(TenantId.of("own-app")).match(h -> h, () -> null);
        meta.tokensAre(
                token -> new TokenFacts(true, null, null, "SYSTEM_USER", MetaId.parse("42"), null, BOTH, Map.of()));
        Health anotherAppsToken =
                feature.checkHealth().check(TenantId.of("own-app")).match(h -> h, () -> null);
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aMinimalConfig("platform-app")
                .accessToken("EAAG-platform-app-token")
                .build()));
        meta.tokensAre(token ->
                new TokenFacts(true, null, null, "SYSTEM_USER", ScriptedMetaHealth.PLATFORM_APP, null, BOTH, Map.of()));
        Health platformAppsToken =
                feature.checkHealth().check(TenantId.of("platform-app")).match(h -> h, () -> null);

        assertThat(ownAppsToken.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(anotherAppsToken.state()).isEqualTo(HealthState.APP_MISMATCH);
        assertThat(anotherAppsToken.reasons().get(0).message()).contains("the Meta app 42, not to 777");
        assertThat(platformAppsToken.state())
                .as("a tenant without an app of its own uses the platform's")
                .isEqualTo(HealthState.HEALTHY);
    }
}
