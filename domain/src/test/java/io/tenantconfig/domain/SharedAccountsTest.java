package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A signup that shares several WhatsApp Business Accounts ({@code waba_ids}): each one is an account with the one token. */
class SharedAccountsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");
    private static final UserId ALICE = UserId.of("alice");
    private static final MetaId SIGNED_UP = MetaId.parse("111");
    private static final MetaId NUMBER = MetaId.parse("1111");
    private static final MetaId BUSINESS = MetaId.parse("9000");
    private static final AccessGrant GRANT = new AccessGrant(Secret.of("EAAG-shared-token"), null);

    private static SignupAccount sharing(String... others) {
        return new SignupAccount(
                SIGNED_UP,
                NUMBER,
                BUSINESS,
                null,
                Arrays.stream(others).map(MetaId::parse).toList());
    }

    private static List<String> wabaIds(TenantConfig config) {
        return config.accounts().all().stream().map(a -> a.wabaId().value()).toList();
    }

    @Test
    void a_first_signup_sharing_three_accounts_holds_all_three_with_the_one_token_and_the_number_in_its_own() {
        TenantConfig config = changed(TenantConfig.onboard(
                        ACME, ALICE, sharing("111", "222", "333", "222"), GRANT, TestLimits.MOST, CLOCK))
                .config();

        assertThat(wabaIds(config)).containsExactly("111", "222", "333");
        assertThat(config.accounts().all()).allSatisfy(account -> {
            assertThat(account.token().accessToken().reveal()).isEqualTo("EAAG-shared-token");
            assertThat(account.ids().businessId()).isEqualTo(BUSINESS);
        });
        assertThat(config.phoneNumbers().all()).singleElement().satisfies(number -> {
            assertThat(number.id()).isEqualTo(NUMBER);
            assertThat(number.wabaId()).isEqualTo(SIGNED_UP);
        });
        assertThat(config.primaryAccount().wabaId()).isEqualTo(SIGNED_UP);
    }

    @Test
    void a_signup_sharing_an_account_the_tenant_has_gives_it_the_new_token_and_keeps_its_numbers() {
        TenantConfig before = changed(TenantConfig.onboard(
                        ACME,
                        ALICE,
                        new SignupAccount(MetaId.parse("222"), MetaId.parse("2222"), null, null),
                        new AccessGrant(Secret.of("EAAG-old-token"), null),
                        TestLimits.MOST,
                        CLOCK))
                .config();

        TenantConfig after = changed(before.reauthorize(ALICE, sharing("222"), GRANT, TestLimits.MOST, CLOCK))
                .config();

        assertThat(wabaIds(after)).containsExactly("222", "111");
        assertThat(after.accounts()
                        .find(MetaId.parse("222"))
                        .orElseThrow()
                        .token()
                        .accessToken()
                        .reveal())
                .isEqualTo("EAAG-shared-token");
        assertThat(after.phoneNumbers().inAccount(MetaId.parse("222")))
                .extracting(PhoneNumber::id)
                .containsExactly(MetaId.parse("2222"));
    }

    @Test
    void a_signup_sharing_more_accounts_than_a_tenant_may_have_is_refused_and_nothing_is_stored() {
        Outcome outcome = TenantConfig.onboard(
                ACME, ALICE, sharing("222", "333"), GRANT, new Limits(PhoneNumbers.MOST, 2), CLOCK);

        assertThat(outcome).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.reason()).isEqualTo(Refusal.Reason.TOO_MANY_ACCOUNTS);
            assertThat(refusal.detail()).contains("at most 2 WhatsApp Business Accounts");
        });
    }
}
