package io.tenantconfig.adapters.persistence.benchmark;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.TestKeys;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.service.ConfigurationFeature;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "Whose is this number / account?" through the ConfigLoader, as a webhook receiver asks it, with
 * 10,000 tenants of three WhatsApp Business Accounts and three numbers each (one per account) in
 * the index: a number someone owns, one nobody owns (a webhook for a number not on the platform),
 * an account; and, from the cache, the credentials of one named number of a tenant's third
 * account (that account's token), and of that account named by its id. Sample mode, so the report shows the median (p0.50) and the tail.
 *
 * <p>Run: {@code mvn -B -Pbenchmark -pl adapters-persistence -am verify -DskipTests}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NumberOwnerBenchmark {

    private static final int TENANTS = 10_000;
    private static final TenantId ACME = TenantId.of("acme");

    private final MetaId[] knownNumbers = new MetaId[TENANTS * 3];
    private final MetaId[] unknownNumbers = new MetaId[1024];
    private final MetaId[] accounts = new MetaId[TENANTS * 3];
    private MetaId acmeNumber;
    private MetaId acmeAccount;
    private ConfigLoader loader;
    private int next;

    @Setup
    public void setUp() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = database.pooledJdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO tenant_configs (tenant_id)" + " SELECT 'tenant-' || g FROM generate_series(1, "
                    + TENANTS + ") g");
            h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id)"
                    + " SELECT id, (2000000 + split_part(tenant_id, '-', 2)::int * 10 + k)::text"
                    + " FROM tenant_configs, generate_series(0, 2) k ORDER BY id, k");
            h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                    + " SELECT a.config_id, a.id, (3000000 + a.config_id * 10 + a.waba_id::int % 10)::text,"
                    + " a.waba_id::int % 10 = 0 FROM whatsapp_accounts a ORDER BY a.id");
            // Each number with a capacity, as health checks leave them: the index answers it too.
            h.execute("UPDATE tenant_phone_numbers SET"
                    + " throughput_level = CASE WHEN id % 10 = 0 THEN 'HIGH' ELSE 'STANDARD' END,"
                    + " quality_rating = (ARRAY['GREEN', 'YELLOW', 'RED'])[id % 3 + 1],"
                    + " messaging_limit_tier = (ARRAY['TIER_250', 'TIER_2K', 'TIER_10K', 'TIER_100K',"
                    + " 'TIER_UNLIMITED'])[id % 5 + 1], name_status = 'APPROVED', capacity_updated_at = now()");
        });
        for (int t = 1; t <= TENANTS; t++) {
            for (int k = 0; k < 3; k++) {
                accounts[(t - 1) * 3 + k] = MetaId.parse(String.valueOf(2_000_000 + t * 10 + k));
                knownNumbers[(t - 1) * 3 + k] = MetaId.parse(String.valueOf(3_000_000 + t * 10 + k));
            }
        }
        for (int i = 0; i < unknownNumbers.length; i++) {
            unknownNumbers[i] = MetaId.parse(String.valueOf(900_000_000L + i));
        }

        PostgresAdapters adapters = PostgresAdapters.serving(
                jdbi,
                TestKeys.KEYSET,
                Clock.systemUTC(),
                new PostgresAdapters.CacheSettings(
                        10_000, 10_000, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(15)),
                () -> database.newConnection("number-owner-benchmark"));
        acmeNumber = MetaId.parse("4000003");
        acmeAccount = MetaId.parse("4000300");
        TenantConfig acme = TestConfigs.aConfig("acme")
                .otherAccount(Account.added(new WhatsAppAccount(MetaId.parse("4000200"), null), TokenGrant.NONE))
                .otherAccount(Account.added(
                        new WhatsAppAccount(acmeAccount, null),
                        new TokenGrant(Secret.of("EAAG-third-account-token"), null, null, null)))
                .build();
        PhoneNumbers three = acme.phoneNumbers();
        for (MetaId[] added :
                new MetaId[][] {{MetaId.parse("4000002"), MetaId.parse("4000200")}, {acmeNumber, acmeAccount}}) {
            List<PhoneNumber> more = new ArrayList<>(three.all());
            more.add(PhoneNumber.added(added[0], added[1], null, null));
            three = new PhoneNumbers(more, three.defaultId());
        }
        TenantConfig threeAccounts = TestConfigs.from(acme).phoneNumbers(three).build();
        adapters.store().inTransaction(tx -> tx.insertIfAbsent(threeAccounts));
        adapters.start(); // the index loads once changes are heard
        long indexed = adapters.gauges().get("number-index.tenants").get().longValue();
        if (indexed != TENANTS + 1) {
            throw new IllegalStateException("the index holds " + indexed + " tenants");
        }
        loader = new ConfigurationFeature(
                        adapters.store(),
                        adapters.lastKnown(),
                        adapters.auditLog(),
                        variable -> Optional.empty(),
                        adapters.directory(),
                        new ResolutionCounter(),
                        Clock.systemUTC())
                .configLoader();
        String token = loader.resolve(ACME, acmeNumber)
                .orElseThrow()
                .value(CredentialField.ACCESS_TOKEN)
                .value();
        if (loader.ownerOfNumber(knownNumbers[0]).orElseThrow().capacity().qualityRating() == null) {
            throw new IllegalStateException("the index does not answer the numbers' capacity");
        }
        if (!"EAAG-third-account-token".equals(token)
                || loader.resolveAccount(ACME, acmeAccount).isEmpty()) {
            throw new IllegalStateException("the third account's number does not resolve to its own token");
        }
    }

    private int next(int length) {
        next = next + 1 == length ? 0 : next + 1;
        return next;
    }

    @Benchmark
    public Optional<NumberOwner> ownerOfAKnownNumber() {
        return loader.ownerOfNumber(knownNumbers[next(knownNumbers.length)]);
    }

    @Benchmark
    public Optional<NumberOwner> ownerOfAnUnknownNumber() {
        return loader.ownerOfNumber(unknownNumbers[next(unknownNumbers.length)]);
    }

    @Benchmark
    public Optional<NumberOwner> ownerOfAnAccount() {
        return loader.ownerOfAccount(accounts[next(accounts.length)]);
    }

    @Benchmark
    public Optional<ResolvedCredentials> resolveANamedNumber() {
        return loader.resolve(ACME, acmeNumber);
    }

    @Benchmark
    public Optional<ResolvedCredentials> resolveAnAccount() {
        return loader.resolveAccount(ACME, acmeAccount);
    }
}
