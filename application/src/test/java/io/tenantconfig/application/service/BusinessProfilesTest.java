package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.InMemoryKeptProfiles;
import io.tenantconfig.application.fixtures.ScriptedMetaBusinessProfiles;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.ChangeBusinessProfileUseCase;
import io.tenantconfig.application.port.in.ProfileResult;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.profile.BusinessProfile;
import io.tenantconfig.domain.profile.BusinessVertical;
import io.tenantconfig.domain.profile.ProfileChange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A number's business profile: read through to Meta and kept; changed at Meta, audited, read back. */
class BusinessProfilesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ALICE = new Actor("alice");
    private static final MetaId NUMBER = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
    private static final Instant FIRST_READ = Instant.parse("2026-12-08T00:00:00Z");
    private static final MetaFailure DOWN =
            MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta could not be reached");
    /** Meta's example profile (Business Profiles reference). */
    private static final BusinessProfile BUTTERFLIES = new BusinessProfile(
            "My Butterfly Business sells butterflies",
            "101 Butterfly Ln., Butterfly, Ohio",
            "We sell butterflies.",
            "butterflies@butterflies.com",
            List.of("https://www.butterflies.com/", "https://www.butterflies.com/amea/"),
            "INDUSTRY",
            "2:c2FtcGxl...");

    private final AtomicReference<Instant> now = new AtomicReference<>(FIRST_READ);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final InMemoryKeptProfiles kept = new InMemoryKeptProfiles();
    private final ScriptedMetaBusinessProfiles meta = new ScriptedMetaBusinessProfiles().holds(NUMBER, BUTTERFLIES);
    private final BusinessProfileFeature profiles = new BusinessProfileFeature(store, kept, meta, clock);

    @BeforeEach
    void acmeHasANumber() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
    }

    private ProfileResult view(MetaId number) {
        return profiles.viewBusinessProfile().view(ACME, number);
    }

    private ProfileResult change(ProfileChange change) {
        return profiles.changeBusinessProfile()
                .change(new ChangeBusinessProfileUseCase.Command(ACME, ALICE, NUMBER, change));
    }

    @Test
    void a_profile_is_read_from_meta_and_kept_with_when_it_was_read() {
        ProfileResult result = view(NUMBER);

        assertThat(result).isEqualTo(new ProfileResult.Shown(NUMBER, BUTTERFLIES, FIRST_READ, null));
        assertThat(kept.kept(ACME, NUMBER).orElseThrow().readAt()).isEqualTo(FIRST_READ);
    }

    @Test
    void while_meta_is_down_the_kept_profile_is_answered_saying_when_it_was_read() {
        view(NUMBER);
        now.set(FIRST_READ.plusSeconds(3600));
        meta.readsFail(DOWN);

        ProfileResult result = view(NUMBER);

        assertThat(result).isEqualTo(new ProfileResult.Shown(NUMBER, BUTTERFLIES, FIRST_READ, DOWN));
    }

    @Test
    void with_meta_down_and_nothing_kept_metas_failure_is_the_answer() {
        meta.readsFail(DOWN);

        assertThat(view(NUMBER)).isEqualTo(new ProfileResult.MetaFailed(DOWN));
    }

    @Test
    void another_tenants_number_is_unknown_and_meta_is_not_asked() {
        ProfileResult result = view(MetaId.parse(TestConfigs.phoneNumberIdOf("globex")));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProfileResult.Refused.class,
                        refused -> assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.UNKNOWN_NUMBER));
        assertThat(meta.calls()).isEmpty();
        assertThat(profiles.viewBusinessProfile().view(TenantId.of("nobody"), NUMBER))
                .isInstanceOf(ProfileResult.NotFound.class);
    }

    @Test
    void a_change_reaches_meta_is_audited_by_field_and_the_profile_is_read_back_and_kept() {
        ProfileResult result = change(new ProfileChange(
                "Succulent specialists!",
                null,
                null,
                null,
                List.of("https://www.luckyshrub.com"),
                BusinessVertical.RETAIL));

        assertThat(result).isInstanceOfSatisfying(ProfileResult.Shown.class, shown -> {
            assertThat(shown.profile().about()).isEqualTo("Succulent specialists!");
            assertThat(shown.profile().websites()).containsExactly("https://www.luckyshrub.com");
            assertThat(shown.profile().vertical()).isEqualTo("RETAIL");
            assertThat(shown.profile().address()).as("kept as Meta has it").isEqualTo(BUTTERFLIES.address());
            assertThat(shown.notReadNow()).isNull();
        });
        assertThat(meta.calls())
                .extracting(ScriptedMetaBusinessProfiles.Call::what)
                .containsExactly("change", "read");
        assertThat(store.auditTrail().stream().map(AuditRecord::entry))
                .containsExactly(new AuditEntry(
                        ALICE,
                        ACME,
                        AuditAction.BUSINESS_PROFILE_CHANGED,
                        Set.of(
                                "phone_numbers." + NUMBER + ".profile.about",
                                "phone_numbers." + NUMBER + ".profile.websites",
                                "phone_numbers." + NUMBER + ".profile.vertical")));
        assertThat(kept.kept(ACME, NUMBER).orElseThrow().profile().about()).isEqualTo("Succulent specialists!");
    }

    @Test
    void a_change_meta_refuses_is_not_audited_and_nothing_is_kept() {
        MetaFailure refused = new MetaFailure(
                MetaFailure.Kind.REJECTED, "(#100) Param email must be a valid email address", 100, null, "Ab1", null);
        meta.changesFail(refused);

        assertThat(change(new ProfileChange(null, null, null, "a@b.co", null, null)))
                .isEqualTo(new ProfileResult.MetaFailed(refused));
        assertThat(store.auditTrail()).isEmpty();
        assertThat(kept.kept(ACME, NUMBER)).isEmpty();
    }

    @Test
    void a_change_meta_accepted_but_could_not_read_back_is_kept_as_changed_and_says_so() {
        view(NUMBER);
        now.set(FIRST_READ.plusSeconds(60));
        meta.readsFail(DOWN);

        ProfileResult result = change(new ProfileChange(null, null, "Cacti too.", null, null, null));

        assertThat(result)
                .isEqualTo(new ProfileResult.Shown(
                        NUMBER,
                        new BusinessProfile(
                                BUTTERFLIES.about(),
                                BUTTERFLIES.address(),
                                "Cacti too.",
                                BUTTERFLIES.email(),
                                BUTTERFLIES.websites(),
                                BUTTERFLIES.vertical(),
                                BUTTERFLIES.profilePictureUrl()),
                        FIRST_READ.plusSeconds(60),
                        DOWN));
        assertThat(store.auditTrail()).hasSize(1);
    }
}
