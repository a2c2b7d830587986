package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.KeptBusinessProfiles.Kept;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.profile.BusinessProfile;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The business profiles Meta last answered, on PostgreSQL: one per number, replaced by each answer, a tenant's own. */
class BusinessProfilesOnPostgresTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final TenantId ACME = TenantId.of("acme");
    private static final MetaId NUMBER = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
    private static final Instant READ = Instant.parse("2026-12-08T00:00:00Z");
    private static final BusinessProfile LUCKY_SHRUB = new BusinessProfile(
            "Succulent specialists!",
            "1 Hacker Way, Menlo Park, CA 94025",
            "At Lucky Shrub, we specialize in providing a...",
            "lucky@luckyshrub.com",
            List.of("https://www.luckyshrub.com", "https://www.facebook.com/luckyshrub"),
            "RETAIL",
            "https://pps.whatsapp.net/v/t61.24...");

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());
    /** Two instances' views of the same table. */
    private final JdbiKeptBusinessProfiles one = new JdbiKeptBusinessProfiles(jdbi);

    private final JdbiKeptBusinessProfiles other = new JdbiKeptBusinessProfiles(jdbi);

    @BeforeEach
    void twoTenants() {
        jdbi.useHandle(h -> h.execute(
                "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers,"
                        + " app_data_syncs, business_profiles, tenant_health RESTART IDENTITY"));
        for (String tenant : List.of("acme", "globex")) {
            store.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
    }

    @Test
    void a_kept_profile_is_read_back_whole_by_every_instance_with_when_meta_answered() {
        one.keep(ACME, NUMBER, LUCKY_SHRUB, READ);

        assertThat(other.kept(ACME, NUMBER)).contains(new Kept(LUCKY_SHRUB, READ));
    }

    @Test
    void each_answer_replaces_the_last_and_an_empty_profile_is_kept_as_empty() {
        one.keep(ACME, NUMBER, LUCKY_SHRUB, READ);
        one.keep(ACME, NUMBER, BusinessProfile.EMPTY, READ.plusSeconds(60));

        assertThat(other.kept(ACME, NUMBER)).contains(new Kept(BusinessProfile.EMPTY, READ.plusSeconds(60)));
    }

    @Test
    void a_profile_is_the_tenants_own_and_goes_with_its_configuration() {
        one.keep(ACME, NUMBER, LUCKY_SHRUB, READ);
        one.keep(TenantId.of("nobody"), NUMBER, LUCKY_SHRUB, READ);

        assertThat(one.kept(TenantId.of("globex"), NUMBER)).isEmpty();
        assertThat(one.kept(TenantId.of("nobody"), NUMBER))
                .as("kept for no configuration")
                .isEmpty();
        store.inTransaction(tx -> {
            tx.delete(tx.lock(ACME).orElseThrow());
            return null;
        });
        assertThat(one.kept(ACME, NUMBER)).isEmpty();
    }
}
