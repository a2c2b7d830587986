import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.NumberVerification;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.Onboarding;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.UserId;
import io.tenantconfig.domain.VerifiedName;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import io.tenantconfig.domain.CallbackSettings;
import io.tenantconfig.domain.WhatsAppAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores N complete tenant configurations (bench-000001 ...) straight into the database, through
 * the service's own store, so their secrets are encrypted as the service encrypts them; 1,000 per
 * transaction, then VACUUM ANALYZE as autovacuum would. Tenants that exist are left as they are.
 * Every tenth is inactive. For the benchmarks with 100,000 tenants.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar bench/SeedTenants.java JDBC_URL USER KEYSET_FILE COUNT
 */
public class SeedTenants {

    public static void main(String[] args) throws Exception {
        Jdbi jdbi = Jdbi.create(args[0], args[1], "");
        ConfigStore store =
                PostgresAdapters.direct(jdbi, Files.readString(Path.of(args[2])), Clock.systemUTC()).store();
        int count = Integer.parseInt(args[3]);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        for (int first = 1; first <= count; first += 1_000) {
            int from = first;
            int to = Math.min(count, first + 999);
            store.inTransaction(tx -> {
                for (int n = from; n <= to; n++) {
                    tx.insertIfAbsent(config(n, now));
                }
                return null;
            });
        }
        // As autovacuum would after a while: statistics for the planner, the visibility map for index-only scans.
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE tenant_configs, tenant_phone_numbers"));
        System.out.printf("%d tenants in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    static String tenant(int n) {
        return String.format("bench-%06d", n);
    }

    private static TenantConfig config(int n, Instant now) {
        String tenant = tenant(n);
        MetaId number = MetaId.parse(String.valueOf(106_540_000_000_000L + n));
        MetaId wabaId = MetaId.parse(String.valueOf(102_290_000_000_000L + n));
        Account account = Account.added(
                new WhatsAppAccount(wabaId, MetaId.parse("4022399384699")),
                new TokenGrant(Secret.of("EAAG" + "x".repeat(180) + tenant), null, now.plus(60, ChronoUnit.DAYS), null));
        return new TenantConfig(
                0,
                TenantId.of(tenant),
                new Accounts(List.of(account)),
                PhoneNumbers.only(new PhoneNumber(
                        number,
                        wabaId,
                        DisplayPhoneNumber.parse("+1 555-010-0000"),
                        VerifiedName.parse("Support of " + tenant),
                        NumberLabel.parse("Support"),
                        true,
                        null,
                        null, false, NumberVerification.VERIFIED)),
                new AppCredentials(MetaId.parse("1234567890"), null),
                new CallbackSettings(
                        WebUrl.parse("https://" + tenant + ".example/webhook"),
                        VerifyToken.parse("verify-" + tenant),
                        null),
                new Onboarding.Completed(UserId.of("bench"), wabaId, number, now),
                n % 10 != 0,
                now,
                now,
                0);
    }
}
