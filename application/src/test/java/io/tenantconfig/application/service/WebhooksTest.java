package io.tenantconfig.application.service;

import static io.tenantconfig.testing.MetaSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase.Authentication;
import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase.Sender;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase.Receipt;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase.WebhookChange;
import io.tenantconfig.application.port.in.ResubscribeWebhookUseCase;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.JsonText;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaInstall;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.CallbackSettings;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.VerifiedName;
import io.tenantconfig.domain.WebUrl;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.HealthState;
import io.tenantconfig.testing.SecretValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Meta's webhooks: the handshake, signatures, routing, duplicates, and what lifecycle changes do to a tenant. */
class WebhooksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final MetaId ACME_WABA = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final MetaId SECOND = MetaId.parse("2222000");
    private static final MetaId THIRD = MetaId.parse("3333000");
    private static final Actor ALICE = new Actor("alice");
    private static final MetaId ACME_NUMBER = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
    private static final MetaId GLOBEX_NUMBER = MetaId.parse(TestConfigs.phoneNumberIdOf("globex"));
    private static final String PLATFORM_SECRET = SecretValues.secret("platform-app-secret");
    private static final String OLD_PLATFORM_SECRET = SecretValues.secret("old-platform-app-secret");
    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding();
    private final MovableClock clock = new MovableClock(NOW);
    private final Map<String, String> environment = new HashMap<>(Map.of(
            "FB_APP_SECRET", PLATFORM_SECRET,
            "WEBHOOK_VERIFY_TOKEN", "platform-verify-token",
            "PUBLIC_BASE_URL", "https://config.example.com/"));
    private final TestFeatures features = TestFeatures.over(
            store,
            meta,
            new ScriptedMetaHealth(),
            variable -> Optional.ofNullable(environment.get(variable)),
            TestFeatures.Settings.DEFAULT,
            new ResolutionCounter(),
            clock);

    @BeforeEach
    void twoTenants_acmeWithItsOwnApp_globexOnThePlatformsApp() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        store.inTransaction(tx -> tx.insertIfAbsent(
                TestConfigs.aConfig("globex").app(AppCredentials.NONE).build()));
    }

    private Optional<String> keyOf(TenantId tenant) {
        return store.keyOf(tenant);
    }

    private static WebhookChange message(MetaId waba, MetaId number, String messageId) {
        return new WebhookChange(
                waba,
                "messages",
                number,
                "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + number
                        + "\"},\"messages\":[{\"id\":\"" + messageId + "\"}]}",
                messageId,
                Map.of());
    }

    private static WebhookChange accountUpdate(Map<String, String> facts) {
        // The value's text stands for Meta's JSON: one text per set of facts, as Meta's would be.
        return new WebhookChange(ACME_WABA, "account_update", null, new TreeMap<>(facts).toString(), null, facts);
    }

    private Receipt receive(WebhookChange... changes) {
        return features.webhooks().receiveWebhook().receive(Sender.PLATFORM, List.of(changes));
    }

    private String resubscribe(TenantId tenant) {
        return features.webhooks()
                .resubscribeWebhook()
                .resubscribe(tenant, ALICE)
                .match(
                        url -> "subscribed " + url,
                        () -> "not found",
                        why -> "not ready: " + why,
                        failed -> "meta failed: " + failed.failure().message());
    }

    private TenantConfig acme() {
        return store.load(ACME).orElseThrow();
    }

    @Nested
    class Handshake {

        private Optional<String> answer(Optional<String> key, String mode, String token, String challenge) {
            return features.webhooks().webhookHandshake().answer(key, mode, token, challenge);
        }

        @Test
        void a_tenants_url_echoes_the_challenge_for_its_own_verify_token_only() {
            assertThat(answer(keyOf(ACME), "subscribe", "verify-acme", "1158201444"))
                    .contains("1158201444");
            assertThat(answer(keyOf(ACME), "subscribe", "verify-acme-wrong", "1158201444"))
                    .isEmpty();
            assertThat(answer(keyOf(ACME), "subscribe", "verify-globex", "1158201444"))
                    .as("another tenant's token")
                    .isEmpty();
            assertThat(answer(keyOf(ACME), "subscribe", "platform-verify-token", "1158201444"))
                    .as("the platform's token, when the tenant has its own")
                    .isEmpty();
        }

        @Test
        void anything_missing_or_odd_fails_and_nothing_is_echoed() {
            assertThat(answer(keyOf(ACME), "subscribe", "verify-acme", null)).isEmpty();
            assertThat(answer(keyOf(ACME), "subscribe", "verify-acme", "")).isEmpty();
            assertThat(answer(keyOf(ACME), "subscribe", "verify-acme", "<script>alert(1)</script>"))
                    .isEmpty();
            assertThat(answer(keyOf(ACME), "unsubscribe", "verify-acme", "1")).isEmpty();
            assertThat(answer(keyOf(ACME), null, "verify-acme", "1")).isEmpty();
            assertThat(answer(keyOf(ACME), "subscribe", null, "1")).isEmpty();
            assertThat(answer(Optional.of("no-such-key"), "subscribe", "verify-acme", "1"))
                    .isEmpty();
        }

        @Test
        void the_app_level_url_answers_to_the_platforms_verify_token() {
            assertThat(answer(Optional.empty(), "subscribe", "platform-verify-token", "42"))
                    .contains("42");
            assertThat(answer(Optional.empty(), "subscribe", "verify-acme", "42"))
                    .isEmpty();
            environment.remove("WEBHOOK_VERIFY_TOKEN");
            assertThat(answer(Optional.empty(), "subscribe", "platform-verify-token", "42"))
                    .as("no platform token configured: nothing matches")
                    .isEmpty();
        }

        @Test
        void a_tenant_without_a_verify_token_answers_to_the_platforms() {
            store.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(GLOBEX).orElseThrow())
                    .callbacks(CallbackSettings.NONE)
                    .build()));
            assertThat(answer(keyOf(GLOBEX), "subscribe", "platform-verify-token", "7"))
                    .contains("7");
        }
    }

    @Nested
    class Signatures {

        private Authentication authenticate(Optional<String> key, byte[] body, String signature) {
            return features.webhooks().authenticateWebhook().authenticate(key, body, signature);
        }

        private String outcome(Authentication authentication) {
            return authentication.match(
                    sender ->
                            "authentic " + sender.onlyFor().map(TenantId::value).orElse("platform"),
                    () -> "unknown key",
                    why -> "forged: " + why);
        }

        @Test
        void the_platforms_secret_signs_for_the_app_level_url_and_tenants_without_their_own_app() {
            assertThat(outcome(authenticate(Optional.empty(), BODY, sign(PLATFORM_SECRET, BODY))))
                    .isEqualTo("authentic platform");
            assertThat(outcome(authenticate(keyOf(GLOBEX), BODY, sign(PLATFORM_SECRET, BODY))))
                    .isEqualTo("authentic platform");
        }

        @Test
        void a_tenant_with_its_own_app_is_signed_with_its_secret_which_speaks_for_it_alone() {
            String acmeSecret = acme().app().appSecret().reveal();
            assertThat(outcome(authenticate(keyOf(ACME), BODY, sign(acmeSecret, BODY))))
                    .isEqualTo("authentic acme");
            assertThat(outcome(authenticate(keyOf(ACME), BODY, sign(PLATFORM_SECRET, BODY))))
                    .startsWith("forged");
            assertThat(outcome(authenticate(Optional.empty(), BODY, sign(acmeSecret, BODY))))
                    .as("a tenant's secret on the app-level URL")
                    .startsWith("forged");
        }

        @Test
        void a_wrong_secret_a_tampered_body_a_missing_or_malformed_header_are_forgeries() {
            assertThat(outcome(authenticate(Optional.empty(), BODY, sign("another-secret", BODY))))
                    .isEqualTo("forged: the signature was not made over this body with the app's secret");
            byte[] tampered = "{\"object\":\"whatsapp_business_account\",\"x\":1}".getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(authenticate(Optional.empty(), tampered, sign(PLATFORM_SECRET, BODY))))
                    .startsWith("forged: the signature was not made");
            assertThat(outcome(authenticate(Optional.empty(), BODY, null)))
                    .isEqualTo("forged: the X-Hub-Signature-256 header is missing");
            assertThat(outcome(authenticate(Optional.empty(), BODY, "sha1=abc")))
                    .isEqualTo("forged: the X-Hub-Signature-256 header is not sha256=<64 hex digits>");
            assertThat(outcome(authenticate(Optional.empty(), BODY, "sha256=" + "zz".repeat(32))))
                    .isEqualTo("forged: the X-Hub-Signature-256 header is not sha256=<64 hex digits>");
        }

        @Test
        void during_a_rotation_the_previous_secrets_are_accepted_too_and_not_after() {
            environment.put("FB_APP_SECRET_PREVIOUS", "unused-one, " + OLD_PLATFORM_SECRET);
            assertThat(outcome(authenticate(Optional.empty(), BODY, sign(OLD_PLATFORM_SECRET, BODY))))
                    .isEqualTo("authentic platform");
            assertThat(outcome(authenticate(Optional.empty(), BODY, sign(PLATFORM_SECRET, BODY))))
                    .isEqualTo("authentic platform");
            environment.remove("FB_APP_SECRET_PREVIOUS");
            assertThat(outcome(authenticate(Optional.empty(), BODY, sign(OLD_PLATFORM_SECRET, BODY))))
                    .startsWith("forged");
        }

        @Test
        void without_any_secret_configured_nothing_is_authentic() {
            environment.remove("FB_APP_SECRET");
            assertThat(outcome(authenticate(Optional.empty(), BODY, sign(PLATFORM_SECRET, BODY))))
                    .isEqualTo("forged: no app secret is configured to check the signature with");
        }

        @Test
        void an_unknown_key_is_said_so() {
            assertThat(outcome(authenticate(Optional.of("f".repeat(32)), BODY, sign(PLATFORM_SECRET, BODY))))
                    .isEqualTo("unknown key");
        }
    }

    @Nested
    class Routing {

        @Test
        void a_batch_touching_two_tenants_is_stored_and_published_once_per_tenant_change() {
            Receipt receipt = receive(
                    message(ACME_WABA, ACME_NUMBER, "wamid.A1"),
                    message(MetaId.parse(TestConfigs.wabaIdOf("globex")), GLOBEX_NUMBER, "wamid.G1"));

            assertThat(receipt).isEqualTo(new Receipt(2, 0, 0));
            assertThat(store.received())
                    .extracting(StoredWebhookChange::tenantId)
                    .containsExactly(ACME, GLOBEX);
            List<PlatformEvent> events = store.events();
            assertThat(events).extracting(PlatformEvent::type).containsOnly(PlatformEvent.WHATSAPP_CHANGE);
            assertThat(events).extracting(PlatformEvent::tenantId).containsExactly(ACME, GLOBEX);
            Map<String, Object> data = events.get(0).data();
            assertThat(data)
                    .containsEntry("phone_number_id", ACME_NUMBER.value())
                    .containsEntry("waba_id", ACME_WABA.value())
                    .containsEntry("field", "messages");
            assertThat(data.get("value"))
                    .isEqualTo(new JsonText(
                            message(ACME_WABA, ACME_NUMBER, "wamid.A1").valueJson()));
        }

        @Test
        void a_number_nobody_owns_is_routed_by_its_account_else_kept_as_unroutable() {
            MetaId newNumber = MetaId.parse("990001");
            Receipt receipt = receive(
                    message(ACME_WABA, newNumber, "wamid.1"),
                    message(MetaId.parse("880001"), newNumber, "wamid.2"),
                    new WebhookChange(null, "messages", null, "{}", null, Map.of()));

            assertThat(receipt).isEqualTo(new Receipt(3, 0, 2));
            assertThat(store.received().get(0).tenantId()).isEqualTo(ACME);
            assertThat(store.unroutableCount()).isEqualTo(2);
            assertThat(features.webhooks().unroutableChanges().unroutable(10).newest())
                    .extracting(c -> c.reason())
                    .containsExactly(
                            "the change names neither a phone number nor an account",
                            "no tenant has the phone number 990001 or its account");
            assertThat(store.events()).hasSize(1);
        }

        @Test
        void a_known_number_routes_its_change_whatever_account_the_entry_names() {
            Receipt receipt = receive(message(MetaId.parse("880001"), ACME_NUMBER, "wamid.n"));

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 0));
            assertThat(store.received().get(0).tenantId()).isEqualTo(ACME);
        }

        @Test
        void a_body_with_a_lifecycle_change_counts_its_duplicates_and_unroutable_changes_too() {
            receive(message(ACME_WABA, ACME_NUMBER, "wamid.seen"));

            Receipt receipt = receive(
                    accountUpdate(Map.of("event", "ACCOUNT_VIOLATION", "violation_info.violation_type", "SPAM")),
                    message(ACME_WABA, ACME_NUMBER, "wamid.seen"),
                    message(MetaId.parse("880001"), MetaId.parse("990001"), "wamid.nobody"));

            assertThat(receipt).isEqualTo(new Receipt(2, 1, 1));
        }

        @Test
        void a_message_id_makes_the_dedupe_key_while_the_key_fits_its_column() {
            String fits = "x".repeat(100 - "wamid:".length());
            String tooLong = fits + "x";
            WebhookChange withFittingId =
                    new WebhookChange(ACME_WABA, "messages", ACME_NUMBER, "{\"a\":1}", fits, Map.of());
            WebhookChange withLongId =
                    new WebhookChange(ACME_WABA, "messages", ACME_NUMBER, "{\"a\":2}", tooLong, Map.of());

            assertThat(ReceiveWebhookService.dedupeKey(withFittingId))
                    .isEqualTo("wamid:" + fits)
                    .hasSize(100);
            assertThat(ReceiveWebhookService.dedupeKey(withLongId))
                    .startsWith("sha256:")
                    .hasSize(71);
        }

        @Test
        void admins_list_from_one_to_a_hundred_unroutable_changes() {
            assertThat(features.webhooks().unroutableChanges().unroutable(1).newest())
                    .isEmpty();
            assertThat(features.webhooks().unroutableChanges().unroutable(100).total())
                    .isZero();
            for (int limit : new int[] {0, 101}) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> features.webhooks().unroutableChanges().unroutable(limit))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("limit must be 1 to 100");
            }
        }

        @Test
        void a_tenants_own_secret_cannot_speak_for_another_tenants_number() {
            Receipt receipt = features.webhooks()
                    .receiveWebhook()
                    .receive(
                            new Sender(Optional.of(ACME)),
                            List.of(
                                    message(ACME_WABA, ACME_NUMBER, "wamid.own"),
                                    message(
                                            MetaId.parse(TestConfigs.wabaIdOf("globex")),
                                            GLOBEX_NUMBER,
                                            "wamid.forged")));

            assertThat(receipt).isEqualTo(new Receipt(2, 0, 1));
            assertThat(store.events()).extracting(PlatformEvent::tenantId).containsExactly(ACME);
            assertThat(store.received().get(1).unroutableReason())
                    .isEqualTo("signed with one tenant's own app secret, for a number or account of another tenant");
        }

        @Test
        void a_message_id_forged_by_one_tenant_for_another_tenants_number_does_not_drop_metas_delivery() {
            MetaId globexWaba = MetaId.parse(TestConfigs.wabaIdOf("globex"));
            features.webhooks()
                    .receiveWebhook()
                    .receive(new Sender(Optional.of(ACME)), List.of(message(globexWaba, GLOBEX_NUMBER, "wamid.G7")));

            Receipt genuine = receive(message(globexWaba, GLOBEX_NUMBER, "wamid.G7"));

            assertThat(genuine).isEqualTo(new Receipt(1, 0, 0));
            assertThat(store.events()).extracting(PlatformEvent::tenantId).containsExactly(GLOBEX);
        }

        @Test
        void a_message_id_one_tenant_used_for_its_own_number_does_not_drop_another_tenants_message() {
            features.webhooks()
                    .receiveWebhook()
                    .receive(new Sender(Optional.of(ACME)), List.of(message(ACME_WABA, ACME_NUMBER, "wamid.G8")));

            Receipt genuine = receive(message(MetaId.parse(TestConfigs.wabaIdOf("globex")), GLOBEX_NUMBER, "wamid.G8"));

            assertThat(genuine).isEqualTo(new Receipt(1, 0, 0));
            assertThat(store.events()).extracting(PlatformEvent::tenantId).containsExactly(ACME, GLOBEX);
            assertThat(receive(message(MetaId.parse(TestConfigs.wabaIdOf("globex")), GLOBEX_NUMBER, "wamid.G8")))
                    .as("within a tenant, the same message again is still a duplicate")
                    .isEqualTo(new Receipt(0, 1, 0));
        }

        @Test
        void a_change_whose_field_holds_a_nul_is_kept_as_rejected_with_its_reason_never_routed() {
            WebhookChange nul =
                    new WebhookChange(ACME_WABA, "mess\u0000ages", ACME_NUMBER, "{}", "wamid.\u0000", Map.of());

            Receipt receipt = receive(nul);

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 1));
            StoredWebhookChange kept = store.received().get(0);
            assertThat(kept.tenantId()).isNull();
            assertThat(kept.field()).isEqualTo("mess\\u0000ages");
            assertThat(kept.unroutableReason()).isEqualTo(ReceiveWebhookService.REJECTED_FIELD);
            assertThat(kept.dedupeKey())
                    .as("a message id with a control character")
                    .startsWith("sha256:");
            assertThat(store.events()).isEmpty();
        }

        @Test
        void a_change_sent_again_is_stored_and_published_once_by_message_id_or_content() {
            receive(message(ACME_WABA, ACME_NUMBER, "wamid.A1"));
            WebhookChange status = new WebhookChange(
                    ACME_WABA,
                    "messages",
                    ACME_NUMBER,
                    "{\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"read\"}]}",
                    null,
                    Map.of());
            receive(status);

            WebhookChange sameMessageOtherBatch = new WebhookChange(
                    ACME_WABA,
                    "messages",
                    ACME_NUMBER,
                    "{\"messages\":[{\"id\":\"wamid.A1\"}],\"x\":1}",
                    "wamid.A1",
                    Map.of());
            Receipt again = receive(sameMessageOtherBatch, status);

            assertThat(again).isEqualTo(new Receipt(0, 2, 0));
            assertThat(store.received()).hasSize(2);
            assertThat(store.events()).hasSize(2);
        }

        @Test
        void the_same_status_for_another_state_is_a_new_change() {
            receive(new WebhookChange(
                    ACME_WABA,
                    "messages",
                    ACME_NUMBER,
                    "{\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"sent\"}]}",
                    null,
                    Map.of()));
            Receipt receipt = receive(new WebhookChange(
                    ACME_WABA,
                    "messages",
                    ACME_NUMBER,
                    "{\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"delivered\"}]}",
                    null,
                    Map.of()));
            assertThat(receipt.stored()).isEqualTo(1);
        }

        @Test
        void when_storing_fails_nothing_of_the_body_is_kept_and_nothing_is_published() {
            int before = store.events().size();
            WebhookChange broken = new WebhookChange(
                    ACME_WABA, "account_update", null, "{}", null, Map.of("event", "PARTNER_APP_UNINSTALLED"));
            store.failNextSaveWith(new IllegalStateException("the disk is full"));
            try {
                receive(message(ACME_WABA, ACME_NUMBER, "wamid.before"), broken);
            } catch (IllegalStateException expected) {
                // the caller answers 5xx: Meta sends the body again
            }
            assertThat(store.received()).isEmpty();
            assertThat(store.events()).hasSize(before);
            assertThat(receive(message(ACME_WABA, ACME_NUMBER, "wamid.before"), broken)
                            .stored())
                    .as("sent again, it is taken in full")
                    .isEqualTo(2);
        }

        @Test
        void the_settings_say_where_to_point_meta_and_when_the_last_change_came() {
            var settings =
                    features.webhooks().webhookSettings().settingsOf(ACME).orElseThrow();
            assertThat(settings.callbackUrl())
                    .isEqualTo("https://config.example.com/api/v1/webhooks/whatsapp/"
                            + keyOf(ACME).orElseThrow());
            assertThat(settings.verifyToken()).isEqualTo("verify-acme");
            assertThat(settings.lastReceivedAt()).isNull();

            clock.advance(Duration.ofMinutes(5));
            receive(message(ACME_WABA, ACME_NUMBER, "wamid.A1"));
            assertThat(features.webhooks()
                            .webhookSettings()
                            .settingsOf(ACME)
                            .orElseThrow()
                            .lastReceivedAt())
                    .isEqualTo(NOW.plus(Duration.ofMinutes(5)));

            environment.remove("PUBLIC_BASE_URL");
            assertThat(features.webhooks()
                            .webhookSettings()
                            .settingsOf(ACME)
                            .orElseThrow()
                            .callbackUrl())
                    .isNull();
            assertThat(features.webhooks().webhookSettings().settingsOf(TenantId.of("nobody")))
                    .isEmpty();
        }
    }

    @Nested
    class Lifecycle {

        private Health health() {
            return store.healthOf(ACME).orElseThrow();
        }

        @Test
        void an_uninstalled_app_takes_the_account_out_of_service_audited_announced_and_shown_in_health() {
            receive(accountUpdate(Map.of("event", "PARTNER_APP_UNINSTALLED")));

            assertThat(acme().standing().status()).isEqualTo(AccountStanding.Status.DISCONNECTED);
            assertThat(acme().active())
                    .as("the tenant's own switch is untouched")
                    .isTrue();
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isFalse();
            assertThat(store.ownerOfNumber(ACME_NUMBER).orElseThrow().active()).isFalse();
            assertThat(store.auditTrail()
                            .get(store.auditTrail().size() - 1)
                            .entry()
                            .action())
                    .isEqualTo(AuditAction.ACCOUNT_STANDING_CHANGED);
            assertThat(store.auditTrail()
                            .get(store.auditTrail().size() - 1)
                            .entry()
                            .actor()
                            .subject())
                    .isEqualTo("system:meta-webhook");
            assertThat(store.events())
                    .extracting(PlatformEvent::type)
                    .containsExactly(
                            PlatformEvent.WHATSAPP_CHANGE,
                            PlatformEvent.ACCOUNT_STANDING_CHANGED,
                            PlatformEvent.HEALTH_CHANGED);
            assertThat(health().state()).isEqualTo(HealthState.DISABLED);
            assertThat(health().reasons())
                    .extracting(reason -> reason.code().name())
                    .containsExactly("ACCOUNT_DISCONNECTED");
        }

        @Test
        void a_ban_of_one_of_several_accounts_shows_in_that_accounts_health_only_named() {
            MetaId second = MetaId.parse("102290129340398");
            MetaId secondNumber = MetaId.parse("106540352242922");
            store.inTransaction(tx -> {
                TenantConfig current = tx.lock(ACME).orElseThrow();
                List<PhoneNumber> numbers =
                        new ArrayList<>(current.phoneNumbers().all());
                numbers.add(PhoneNumber.added(secondNumber, second, null, NumberLabel.parse("Sales")));
                return tx.save(TestConfigs.from(current)
                        .otherAccount(new Account(
                                new WhatsAppAccount(second, null),
                                new TokenGrant(Secret.of(SecretValues.secret("EAAG-second-token")), null, null, null),
                                null,
                                Set.of(),
                                AccountStanding.GOOD,
                                null))
                        .phoneNumbers(
                                new PhoneNumbers(numbers, current.phoneNumbers().defaultId()))
                        .build());
            });

            receive(accountUpdate(Map.of("event", "DISABLED_UPDATE", "ban_info.waba_ban_state", "DISABLE")));

            assertThat(health().state()).isEqualTo(HealthState.DISABLED);
            assertThat(health().stateOf(ACME_WABA)).isEqualTo(HealthState.DISABLED);
            assertThat(health().reasonsOf(second)).isEmpty();
            assertThat(health().reasons())
                    .extracting(HealthReason::message)
                    .singleElement()
                    .asString()
                    .startsWith("WhatsApp Business Account " + ACME_WABA + ": ");
            assertThat(acme().accounts().find(second).orElseThrow().standing()).isEqualTo(AccountStanding.GOOD);
        }

        @Test
        void reinstalling_the_app_brings_a_disconnected_account_back() {
            receive(accountUpdate(Map.of("event", "PARTNER_APP_UNINSTALLED")));
            clock.advance(Duration.ofHours(1));
            receive(accountUpdate(Map.of("event", "PARTNER_APP_INSTALLED")));

            assertThat(acme().standing()).isEqualTo(AccountStanding.GOOD);
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isTrue();
            assertThat(health().reasons()).isEmpty();
        }

        @Test
        void a_ban_is_shown_with_its_date_and_lifted_by_reinstatement_only() {
            receive(accountUpdate(Map.of(
                    "event", "DISABLED_UPDATE",
                    "ban_info.waba_ban_state", "DISABLE",
                    "ban_info.waba_ban_date", "2026-11-30")));

            assertThat(acme().standing().status()).isEqualTo(AccountStanding.Status.DISABLED);
            assertThat(acme().standing().detail())
                    .isEqualTo("Meta disabled the WhatsApp Business Account on 2026-11-30.");
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isFalse();
            assertThat(health().reasons())
                    .extracting(HealthReason::message)
                    .singleElement()
                    .asString()
                    .contains("2026-11-30");

            clock.advance(Duration.ofHours(1));
            receive(accountUpdate(Map.of("event", "PARTNER_APP_INSTALLED")));
            assertThat(acme().standing().status())
                    .as("reinstalling the app does not lift a ban")
                    .isEqualTo(AccountStanding.Status.DISABLED);

            clock.advance(Duration.ofHours(1));
            receive(accountUpdate(Map.of("event", "DISABLED_UPDATE", "ban_info.waba_ban_state", "REINSTATE")));
            assertThat(acme().standing()).isEqualTo(AccountStanding.GOOD);
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isTrue();
        }

        @Test
        void a_deleted_or_offboarded_account_is_out_of_service() {
            receive(accountUpdate(Map.of("event", "ACCOUNT_DELETED")));
            assertThat(acme().standing().status()).isEqualTo(AccountStanding.Status.DELETED);
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isFalse();

            store.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                    .standing(AccountStanding.GOOD)
                    .build()));
            clock.advance(Duration.ofMinutes(1));
            receive(accountUpdate(Map.of("event", "OFFBOARDED")));
            assertThat(acme().standing().status()).isEqualTo(AccountStanding.Status.DISCONNECTED);
        }

        @Test
        void a_restriction_or_violation_is_reported_but_the_account_still_serves() {
            receive(accountUpdate(Map.of(
                    "event", "ACCOUNT_RESTRICTION",
                    "restriction_info.0.restriction_type", "RESTRICTED_ADD_PHONE_NUMBER_ACTION")));
            assertThat(acme().standing().status()).isEqualTo(AccountStanding.Status.RESTRICTED);
            assertThat(acme().standing().detail()).contains("RESTRICTED_ADD_PHONE_NUMBER_ACTION");
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isTrue();
            assertThat(health().state()).isEqualTo(HealthState.RESTRICTED);

            clock.advance(Duration.ofMinutes(1));
            receive(accountUpdate(Map.of("event", "ACCOUNT_VIOLATION", "violation_info.violation_type", "SCAM")));
            assertThat(acme().standing().detail()).isEqualTo("Meta found a policy violation (SCAM).");
        }

        @Test
        void the_same_lifecycle_change_twice_is_recorded_once() {
            receive(accountUpdate(Map.of("event", "PARTNER_APP_UNINSTALLED")));
            int audited = store.auditTrail().size();
            clock.advance(Duration.ofMinutes(1));
            receive(new WebhookChange(
                    ACME_WABA,
                    "account_update",
                    null,
                    "{\"event\":\"PARTNER_APP_UNINSTALLED\",\"n\":2}",
                    null,
                    Map.of("event", "PARTNER_APP_UNINSTALLED")));
            assertThat(store.auditTrail()).hasSize(audited);
        }

        @Test
        void an_approved_display_name_becomes_the_numbers_verified_name() {
            store.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                    .phoneNumbers(new PhoneNumbers(
                            List.of(
                                    acme().defaultNumber().orElseThrow(),
                                    PhoneNumber.added(
                                            MetaId.parse("5550002"),
                                            null,
                                            DisplayPhoneNumber.parse("+1 555-020-0000"),
                                            NumberLabel.parse("Sales"))),
                            ACME_NUMBER))
                    .build()));
            receive(new WebhookChange(
                    ACME_WABA,
                    AccountEventsFields.NAME,
                    null,
                    "{}",
                    null,
                    Map.of(
                            "display_phone_number", "15550200000",
                            "decision", "APPROVED",
                            "requested_verified_name", "Acme Sales")));

            assertThat(acme().phoneNumbers()
                            .find(MetaId.parse("5550002"))
                            .orElseThrow()
                            .verifiedName())
                    .isEqualTo(VerifiedName.parse("Acme Sales"));
            assertThat(store.auditTrail()
                            .get(store.auditTrail().size() - 1)
                            .entry()
                            .fields())
                    .containsExactly("phone_numbers.5550002.verified_name");

            receive(new WebhookChange(
                    ACME_WABA,
                    AccountEventsFields.NAME,
                    null,
                    "{\"d\":\"r\"}",
                    null,
                    Map.of(
                            "display_phone_number", "15550200000",
                            "decision", "REJECTED",
                            "requested_verified_name", "Other")));
            assertThat(acme().phoneNumbers()
                            .find(MetaId.parse("5550002"))
                            .orElseThrow()
                            .verifiedName())
                    .isEqualTo(VerifiedName.parse("Acme Sales"));
        }

        @Test
        void a_quality_or_review_update_makes_the_tenant_due_for_a_check_now() {
            store.enroll(NOW, Duration.ofDays(1));
            assertThat(store.claimDue("test", NOW, Duration.ofMinutes(1), 10)).doesNotContain(ACME);

            receive(new WebhookChange(
                    ACME_WABA,
                    "phone_number_quality_update",
                    null,
                    "{\"event\":\"DOWNGRADE\"}",
                    null,
                    Map.of("event", "DOWNGRADE")));

            assertThat(store.claimDue("test", NOW, Duration.ofMinutes(1), 10)).contains(ACME);
        }

        // Meta's published phone_number_quality_update example (THROUGHPUT_UPGRADE, current_limit TIER_UNLIMITED):
        // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
        @Test
        void a_throughput_upgrade_raises_the_named_number_to_1000_a_second_and_its_portfolios_limit() {
            receive(new WebhookChange(
                    ACME_WABA,
                    "phone_number_quality_update",
                    null,
                    "{\"display_phone_number\":\"15550100000\",\"event\":\"THROUGHPUT_UPGRADE\"}",
                    null,
                    Map.of(
                            "display_phone_number", "15550100000",
                            "event", "THROUGHPUT_UPGRADE",
                            "current_limit", "TIER_UNLIMITED")));

            NumberOwner owner = store.ownerOfNumber(ACME_NUMBER).orElseThrow();
            assertThat(owner.messagesPerSecond()).isEqualTo(1_000);
            assertThat(owner.capacity().messagingLimitTier()).isEqualTo("TIER_UNLIMITED");
        }

        // Meta's business_capability_update: the portfolio's limit as a number (2000: TIER_2K):
        // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/business_capability_update
        @Test
        void a_capability_update_gives_the_accounts_numbers_the_portfolios_limit_and_their_pace_stays() {
            receive(new WebhookChange(
                    ACME_WABA,
                    "business_capability_update",
                    null,
                    "{\"max_daily_conversations_per_business\":2000}",
                    null,
                    Map.of("max_daily_conversations_per_business", "2000", "max_phone_numbers_per_waba", "25")));

            NumberOwner owner = store.ownerOfNumber(ACME_NUMBER).orElseThrow();
            assertThat(owner.capacity().messagingLimitTier()).isEqualTo("TIER_2K");
            assertThat(owner.messagesPerSecond()).isEqualTo(80);
        }

        @Test
        void a_rejected_review_restricts_and_an_approval_lifts_that_restriction() {
            receive(new WebhookChange(
                    ACME_WABA,
                    "account_review_update",
                    null,
                    "{\"decision\":\"REJECTED\"}",
                    null,
                    Map.of("decision", "REJECTED")));
            assertThat(acme().standing().status()).isEqualTo(AccountStanding.Status.RESTRICTED);
            clock.advance(Duration.ofMinutes(1));
            receive(new WebhookChange(
                    ACME_WABA,
                    "account_review_update",
                    null,
                    "{\"decision\":\"APPROVED\"}",
                    null,
                    Map.of("decision", "APPROVED")));
            assertThat(acme().standing()).isEqualTo(AccountStanding.GOOD);
        }
    }

    @Nested
    class Subscription {

        private static final SignupAccount SIGNUP = new SignupAccount(
                MetaId.parse("555000111"), MetaId.parse("777000222"), null, WebUrl.parse("https://app.example.com/s"));

        private void onboardInitech() {
            features.onboarding()
                    .onboard()
                    .onboard(new OnboardUseCase.Command(
                            TenantId.of("initech"),
                            new Actor("alice"),
                            new SignupCode(SecretValues.secret("signup-code")),
                            SIGNUP));
        }

        @Test
        void onboarding_points_the_account_at_the_tenants_own_url_after_the_plain_subscription() {
            onboardInitech();
            String key = store.keyOf(TenantId.of("initech")).orElseThrow();

            assertThat(meta.calls())
                    .containsSubsequence(
                            "subscribe 555000111",
                            "override 555000111 https://config.example.com/api/v1/webhooks/whatsapp/" + key
                                    + " verify=platform-verify-token");
        }

        @Test
        void without_a_public_base_url_onboarding_subscribes_plainly() {
            environment.remove("PUBLIC_BASE_URL");
            onboardInitech();
            assertThat(meta.calls()).contains("subscribe 555000111");
            assertThat(meta.calls()).noneMatch(call -> call.startsWith("override"));
        }

        @Test
        void resubscribing_redoes_both_calls_or_says_what_is_missing() {
            String key = keyOf(ACME).orElseThrow();
            assertThat(resubscribe(ACME))
                    .isEqualTo("subscribed https://config.example.com/api/v1/webhooks/whatsapp/" + key);
            assertThat(meta.calls())
                    .containsExactly(
                            "subscribe " + ACME_WABA,
                            "override " + ACME_WABA + " https://config.example.com/api/v1/webhooks/whatsapp/" + key
                                    + " verify=verify-acme");

            assertThat(resubscribe(TenantId.of("nobody"))).isEqualTo("not found");
            store.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(GLOBEX).orElseThrow())
                    .callbacks(CallbackSettings.NONE)
                    .build()));
            environment.remove("WEBHOOK_VERIFY_TOKEN");
            assertThat(resubscribe(GLOBEX))
                    .isEqualTo("not ready: set a verify_token in the configuration (or WEBHOOK_VERIFY_TOKEN for the"
                            + " platform) first");
            store.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(GLOBEX).orElseThrow())
                    .token(io.tenantconfig.domain.TokenGrant.NONE)
                    .build()));
            assertThat(resubscribe(GLOBEX))
                    .isEqualTo("not ready: the configuration needs an access token and a waba_id to subscribe");
            meta.failsAt(
                    ScriptedMetaOnboarding.Call.SUBSCRIBE,
                    MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta answered HTTP 503"));
            assertThat(resubscribe(ACME)).isEqualTo("meta failed: Meta answered HTTP 503");
            environment.remove("PUBLIC_BASE_URL");
            assertThat(resubscribe(ACME)).startsWith("not ready: no public base URL is configured (PUBLIC_BASE_URL)");
        }
    }

    @Nested
    class ResubscribingSeveralAccounts {

        @Test
        void each_account_with_a_token_is_subscribed_again_with_its_own_token_and_one_without_is_left_out() {
            TenantConfig acme = store.load(ACME).orElseThrow();
            MetaId second = MetaId.parse("2222000");
            MetaId noToken = MetaId.parse("3333000");
            store.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                    .otherAccount(Account.added(
                            new WhatsAppAccount(second, null),
                            new TokenGrant(Secret.of("EAAG-second-account-token"), null, null, null)))
                    .otherAccount(Account.added(new WhatsAppAccount(noToken, null), TokenGrant.NONE))
                    .build()));
            int before = meta.calls().size();

            features.webhooks().resubscribeWebhook().resubscribe(ACME, ALICE);

            assertThat(meta.calls().subList(before, meta.calls().size()))
                    .filteredOn(call -> call.startsWith("subscribe"))
                    .containsExactly("subscribe " + acme.account().wabaId(), "subscribe " + second);
        }

        private void addAccounts() {
            store.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                    .otherAccount(Account.added(
                            new WhatsAppAccount(SECOND, null),
                            new TokenGrant(Secret.of("EAAG-second-account-token"), null, null, null)))
                    .otherAccount(Account.added(new WhatsAppAccount(THIRD, null), TokenGrant.NONE))
                    .build()));
        }

        private Map<MetaId, Instant> subscriptions() {
            Map<MetaId, Instant> subscribed = new LinkedHashMap<>();
            acme().accounts().all().forEach(account -> subscribed.put(account.wabaId(), account.subscribedAt()));
            return subscribed;
        }

        @Test
        void each_account_subscribed_records_when_audited_as_the_caller_and_one_without_a_token_stays_unsubscribed() {
            addAccounts();
            clock.advance(Duration.ofMinutes(5));
            int announced = store.events().size();

            assertThat(resubscribe(ACME)).startsWith("subscribed ");

            Instant now = NOW.plus(Duration.ofMinutes(5));
            assertThat(subscriptions()).containsExactly(entry(ACME_WABA, now), entry(SECOND, now), entry(THIRD, null));
            AuditEntry audited =
                    store.auditTrail().get(store.auditTrail().size() - 1).entry();
            assertThat(audited.action()).isEqualTo(AuditAction.WEBHOOK_RESUBSCRIBED);
            assertThat(audited.actor().subject()).isEqualTo("alice");
            assertThat(audited.fields())
                    .containsExactlyInAnyOrder("subscribed_at", "accounts." + SECOND + ".subscribed_at");
            assertThat(store.events())
                    .as("a subscription is nothing the platform is told of")
                    .hasSize(announced);
        }

        @Test
        void a_refusal_for_one_account_keeps_those_subscribed_before_it_recorded_and_names_both() {
            addAccounts();
            meta.failsToSubscribe(SECOND, MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta answered HTTP 503"));

            ResubscribeWebhookUseCase.Result result =
                    features.webhooks().resubscribeWebhook().resubscribe(ACME, ALICE);

            assertThat(result)
                    .isEqualTo(new ResubscribeWebhookUseCase.Result.MetaFailed(
                            MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta answered HTTP 503"),
                            SECOND.value(),
                            List.of(ACME_WABA.value())));
            assertThat(subscriptions()).containsExactly(entry(ACME_WABA, NOW), entry(SECOND, null), entry(THIRD, null));
        }

        @Test
        void a_refusal_of_the_first_account_changes_nothing() {
            addAccounts();
            meta.failsToSubscribe(
                    ACME_WABA, MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta answered HTTP 503"));
            TenantConfig before = acme();
            int audited = store.auditTrail().size();

            assertThat(resubscribe(ACME)).isEqualTo("meta failed: Meta answered HTTP 503");

            assertThat(acme()).isEqualTo(before);
            assertThat(store.auditTrail()).hasSize(audited);
        }

        @Test
        void an_uninstalled_app_ends_that_accounts_subscription_only() {
            addAccounts();
            resubscribe(ACME);

            receive(new WebhookChange(
                    SECOND,
                    "account_update",
                    null,
                    "{event=PARTNER_APP_UNINSTALLED}",
                    null,
                    Map.of("event", "PARTNER_APP_UNINSTALLED")));

            assertThat(subscriptions()).containsExactly(entry(ACME_WABA, NOW), entry(SECOND, null), entry(THIRD, null));
            assertThat(store.auditTrail()
                            .get(store.auditTrail().size() - 1)
                            .entry()
                            .fields())
                    .containsExactlyInAnyOrder(
                            "accounts." + SECOND + ".account_standing", "accounts." + SECOND + ".subscribed_at");
        }
    }

    /** Meta's field names as the tests spell them. */
    private static final class AccountEventsFields {
        static final String NAME = "phone_number_name_update";
    }

    /**
     * Partner events of {@code account_update} as Meta sends them: {@code entry[].id} is the
     * partner's business portfolio, the customer's account is {@code value.waba_info.waba_id}. The
     * values are Meta's published examples (account_update webhook reference, "Partner app
     * installed" and "Partner app uninstalled"); the facts are what the REST adapter reads of them.
     */
    @Nested
    class PartnerEvents {

        private static final MetaId PARTNER_BUSINESS = MetaId.parse("2949482758682047");

        private WebhookChange uninstalled(MetaId customerAccount) {
            return new WebhookChange(
                    PARTNER_BUSINESS,
                    "account_update",
                    null,
                    "{\"event\":\"PARTNER_APP_UNINSTALLED\",\"waba_info\":{\"waba_id\":\"" + customerAccount
                            + "\",\"owner_business_id\":\"1284923862322270\",\"partner_app_id\":\"869361281603019\"}}",
                    null,
                    Map.of(
                            "event", "PARTNER_APP_UNINSTALLED",
                            "waba_info.waba_id", customerAccount.value(),
                            "waba_info.owner_business_id", "1284923862322270",
                            "waba_info.partner_app_id", "869361281603019"));
        }

        private WebhookChange installed(MetaId customerAccount) {
            return new WebhookChange(
                    PARTNER_BUSINESS,
                    "account_update",
                    null,
                    "{\"event\":\"PARTNER_APP_INSTALLED\",\"waba_info\":{\"waba_id\":\"" + customerAccount
                            + "\",\"owner_business_id\":\"2329417887457253\",\"partner_app_id\":\"5731794616896507\","
                            + "\"solution_id\":\"1715120619246906\","
                            + "\"solution_partner_business_ids\":[\"2949482758682047\",\"520744086200222\"]}}",
                    null,
                    Map.of(
                            "event", "PARTNER_APP_INSTALLED",
                            "waba_info.waba_id", customerAccount.value(),
                            "waba_info.owner_business_id", "2329417887457253",
                            "waba_info.partner_app_id", "5731794616896507",
                            "waba_info.solution_id", "1715120619246906",
                            "waba_info.solution_partner_business_ids.0", "2949482758682047",
                            "waba_info.solution_partner_business_ids.1", "520744086200222"));
        }

        @Test
        void an_uninstalled_app_named_in_waba_info_takes_the_customers_account_out_of_service() {
            Receipt receipt = receive(uninstalled(ACME_WABA));

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 0));
            assertThat(acme().standing().status()).isEqualTo(AccountStanding.Status.DISCONNECTED);
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isFalse();
            assertThat(store.ownerOfNumber(ACME_NUMBER).orElseThrow().active()).isFalse();
            assertThat(store.received()).singleElement().satisfies(stored -> {
                assertThat(stored.tenantId()).isEqualTo(ACME);
                assertThat(stored.wabaId())
                        .as("stored as the customer's account, not the partner's business")
                        .isEqualTo(ACME_WABA);
            });
            assertThat(store.healthOf(ACME).orElseThrow().state()).isEqualTo(HealthState.DISABLED);
        }

        @Test
        void the_app_installed_again_brings_the_customers_account_back() {
            receive(uninstalled(ACME_WABA));
            clock.advance(Duration.ofHours(1));

            Receipt receipt = receive(installed(ACME_WABA));

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 0));
            assertThat(acme().standing()).isEqualTo(AccountStanding.GOOD);
            assertThat(features.configuration().configLoader().resolve(ACME).hasTenantConfig())
                    .isTrue();
        }

        @Test
        void an_app_installed_on_an_account_nobody_has_is_listed_for_admins_as_a_signup_never_completed_here() {
            Receipt receipt = receive(installed(MetaId.parse("1191624265890717")));

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 1));
            assertThat(features.webhooks().unroutableChanges().unroutable(10).newest())
                    .singleElement()
                    .satisfies(change -> {
                        assertThat(change.reason())
                                .isEqualTo("a signup finished at Meta (PARTNER_APP_INSTALLED) but was never"
                                        + " completed here: no tenant has the WhatsApp Business Account"
                                        + " 1191624265890717");
                        assertThat(change.wabaId()).isEqualTo("1191624265890717");
                    });
            assertThat(store.events()).isEmpty();
        }

        private static final MetaId SIGNED_UP = MetaId.parse("1191624265890717");
        private static final TenantId GLOBEX = TenantId.of("globex");

        /** The tenant's onboarding names the account, and Meta refuses the code: nothing is stored. */
        private void failedSignup(TenantId tenant, MetaId account) {
            meta.failsAt(
                    ScriptedMetaOnboarding.Call.EXCHANGE,
                    new MetaFailure(
                            MetaFailure.Kind.SIGNUP_CODE_REJECTED,
                            "This authorization code has expired.",
                            100,
                            36007,
                            "AbCdEf123",
                            null));
            features.onboarding()
                    .onboard()
                    .onboard(new OnboardUseCase.Command(
                            tenant,
                            ALICE,
                            new SignupCode("signup-code-4711"),
                            new SignupAccount(account, MetaId.parse("777000222"), null, null),
                            null));
        }

        private List<SignupSessions.Stored> sessionsOf(TenantId tenant) {
            return features.onboarding().signupSessions().sessionsOf(tenant, 10);
        }

        @Test
        void an_app_installed_on_an_account_a_failed_signup_named_is_kept_with_that_session_not_as_unroutable() {
            failedSignup(GLOBEX, SIGNED_UP);
            clock.advance(Duration.ofSeconds(3));

            Receipt receipt = receive(installed(SIGNED_UP));

            assertThat(receipt).as("received, and taken by a session").isEqualTo(new Receipt(1, 0, 0));
            assertThat(features.webhooks().unroutableChanges().unroutable(10).newest())
                    .isEmpty();
            assertThat(sessionsOf(GLOBEX)).singleElement().satisfies(stored -> {
                assertThat(stored.session().outcome().kind()).isEqualTo(SignupOutcome.Kind.FAILED);
                assertThat(stored.metaInstalls())
                        .containsExactly(new MetaInstall(
                                SIGNED_UP,
                                MetaId.parse("2329417887457253"),
                                MetaId.parse("5731794616896507"),
                                NOW.plusSeconds(3)));
            });
            assertThat(store.events())
                    .as("no tenant holds the account: nothing to deliver")
                    .isEmpty();
        }

        @Test
        void an_install_that_came_before_the_signup_failed_here_leaves_the_unroutable_list_for_its_session() {
            assertThat(receive(installed(SIGNED_UP))).isEqualTo(new Receipt(1, 0, 1));
            clock.advance(Duration.ofSeconds(2));

            failedSignup(GLOBEX, SIGNED_UP);

            assertThat(features.webhooks().unroutableChanges().unroutable(10).newest())
                    .isEmpty();
            assertThat(sessionsOf(GLOBEX).get(0).metaInstalls())
                    .containsExactly(new MetaInstall(
                            SIGNED_UP, MetaId.parse("2329417887457253"), MetaId.parse("5731794616896507"), NOW));
            assertThat(receive(installed(SIGNED_UP)))
                    .as("Meta sending it again")
                    .isEqualTo(new Receipt(0, 1, 0));
        }

        @Test
        void the_install_sent_again_is_a_duplicate_and_the_session_keeps_it_once() {
            failedSignup(GLOBEX, SIGNED_UP);
            receive(installed(SIGNED_UP));

            Receipt again = receive(installed(SIGNED_UP));

            assertThat(again).isEqualTo(new Receipt(0, 1, 0));
            assertThat(sessionsOf(GLOBEX).get(0).metaInstalls()).hasSize(1);
            assertThat(features.webhooks().unroutableChanges().unroutable(10).newest())
                    .isEmpty();
        }

        @Test
        void the_newest_failed_session_that_named_the_account_takes_the_install() {
            failedSignup(GLOBEX, SIGNED_UP);
            clock.advance(Duration.ofMinutes(5));
            failedSignup(GLOBEX, SIGNED_UP);

            receive(installed(SIGNED_UP));

            assertThat(sessionsOf(GLOBEX))
                    .extracting(stored -> stored.metaInstalls().size())
                    .as("newest first")
                    .containsExactly(1, 0);
        }

        @Test
        void a_failed_session_of_another_account_or_from_more_than_a_day_before_leaves_the_install_unroutable() {
            failedSignup(GLOBEX, SIGNED_UP);
            failedSignup(TenantId.of("initech"), MetaId.parse("184943124712545"));
            clock.advance(ReceiveWebhookService.SIGNUP_WINDOW.plusSeconds(1));
            failedSignup(TenantId.of("initech"), MetaId.parse("184943124712545"));

            Receipt receipt = receive(installed(SIGNED_UP));

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 1));
            assertThat(features.webhooks().unroutableChanges().unroutable(10).newest())
                    .extracting(change -> change.reason())
                    .containsExactly("a signup finished at Meta (PARTNER_APP_INSTALLED) but was never completed"
                            + " here: no tenant has the WhatsApp Business Account 1191624265890717");
            assertThat(sessionsOf(GLOBEX).get(0).metaInstalls()).isEmpty();
        }

        @Test
        void an_install_signed_with_a_tenants_own_app_goes_only_to_that_tenants_session() {
            failedSignup(GLOBEX, SIGNED_UP);
            WebhookChange install = installed(SIGNED_UP);

            Receipt receipt = features.webhooks()
                    .receiveWebhook()
                    .receive(new Sender(Optional.of(TenantId.of("initech"))), List.of(install));

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 1));
            assertThat(sessionsOf(GLOBEX).get(0).metaInstalls()).isEmpty();
        }

        @Test
        void an_install_of_a_tenants_account_signed_with_another_tenants_own_app_is_never_attached_to_a_session() {
            failedSignup(GLOBEX, ACME_WABA);

            Receipt receipt = features.webhooks()
                    .receiveWebhook()
                    .receive(new Sender(Optional.of(GLOBEX)), List.of(installed(ACME_WABA)));

            assertThat(receipt)
                    .as("acme holds the account: unroutable for globex's app")
                    .isEqualTo(new Receipt(1, 0, 1));
            assertThat(sessionsOf(GLOBEX).get(0).metaInstalls()).isEmpty();
        }

        @Test
        void an_uninstall_for_an_account_nobody_has_is_kept_naming_the_customers_account() {
            Receipt receipt = receive(uninstalled(MetaId.parse("184943124712545")));

            assertThat(receipt).isEqualTo(new Receipt(1, 0, 1));
            assertThat(features.webhooks().unroutableChanges().unroutable(10).newest())
                    .extracting(change -> change.reason())
                    .containsExactly("no tenant has the WhatsApp Business Account 184943124712545");
            assertThat(acme().standing()).isEqualTo(AccountStanding.GOOD);
        }
    }
}
