package io.tenantconfig.adapters.persistence.templatebenchmark;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.TestKeys;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.port.in.LookupTemplateUseCase;
import io.tenantconfig.application.service.TemplateSyncPolicy;
import io.tenantconfig.application.service.TemplatesFeature;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
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
 * The sending code's template lookup ({@code GET /api/v1/lookup/templates}) as the service answers
 * it, below HTTP: the number's account from the number index, then the template from the template
 * index, both memory, with 10,000 accounts of 50 templates each (500,000 templates) loaded from
 * PostgreSQL. A template the account has, and one it lacks (the sending code asks for a name
 * Meta never approved). Sample mode, so the report shows the median and p0.99; the goal is under
 * 2 µs at p0.99.
 *
 * <p>Run: {@code bench/template-lookup.sh}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class TemplateLookupBenchmark {

    private static final int ACCOUNTS = 10_000;
    private static final int TEMPLATES_PER_ACCOUNT = 50;
    private static final int ASKED = 4096;

    private final MetaId[] numbers = new MetaId[ASKED];
    private final Template.Key[] known = new Template.Key[ASKED];
    private final Template.Key[] unknown = new Template.Key[ASKED];
    private LookupTemplateUseCase lookup;
    private int next;

    @Setup
    public void setUp() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = database.pooledJdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO tenant_configs (tenant_id) SELECT 'tenant-' || g FROM generate_series(1, " + ACCOUNTS
                    + ") g");
            h.execute(
                    "INSERT INTO whatsapp_accounts (config_id, waba_id)"
                            + " SELECT id, (2000000 + split_part(tenant_id, '-', 2)::int)::text FROM tenant_configs ORDER BY id");
            h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                    + " SELECT a.config_id, a.id, (3000000 + a.config_id)::text, true FROM whatsapp_accounts a"
                    + " ORDER BY a.id");
            h.execute("INSERT INTO message_templates (account_id, name, language, meta_id, status, category, quality,"
                    + " components, updated_at)"
                    + " SELECT a.id, 'template_' || k, 'en_US', (5000000000 + a.id * 100 + k)::text,"
                    + " CASE WHEN k % 10 = 0 THEN 'PAUSED' ELSE 'APPROVED' END, 'UTILITY', 'GREEN',"
                    + " '[{\"type\":\"HEADER\",\"sub_type\":\"TEXT\",\"index\":null,\"parameters\":1},"
                    + "{\"type\":\"BODY\",\"sub_type\":null,\"index\":null,\"parameters\":2},"
                    + "{\"type\":\"BUTTON\",\"sub_type\":\"URL\",\"index\":0,\"parameters\":1}]', now()"
                    + " FROM whatsapp_accounts a, generate_series(0, " + (TEMPLATES_PER_ACCOUNT - 1) + ") k");
        });
        PostgresAdapters adapters = PostgresAdapters.serving(
                jdbi,
                TestKeys.KEYSET,
                Clock.systemUTC(),
                new PostgresAdapters.CacheSettings(
                        10_000, 10_000, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(15)),
                () -> database.newConnection("template-lookup-benchmark"));
        adapters.start(); // both indexes load once changes are heard
        lookup = new TemplatesFeature(
                        adapters.store(),
                        adapters.templateCatalogues(),
                        adapters.templateDirectory(),
                        adapters.templateSchedule(),
                        (wabaId, token) -> {
                            throw new IllegalStateException("the benchmark never reads Meta");
                        },
                        adapters.directory(),
                        TemplateSyncPolicy.DEFAULT,
                        new SplittableRandom(1),
                        Clock.systemUTC())
                .lookupTemplate();
        SplittableRandom random = new SplittableRandom(42);
        TemplateLanguage english = TemplateLanguage.parse("en_US");
        for (int i = 0; i < ASKED; i++) {
            numbers[i] = MetaId.parse(String.valueOf(3_000_000 + 1 + random.nextInt(ACCOUNTS)));
            known[i] =
                    new Template.Key(TemplateName.parse("template_" + random.nextInt(TEMPLATES_PER_ACCOUNT)), english);
            unknown[i] = new Template.Key(TemplateName.parse("never_approved_" + i), english);
        }
        if (lookup.lookup(numbers[0], known[0]).isEmpty()) {
            throw new IllegalStateException("a seeded template is not found");
        }
        long held = adapters.gauges().get("template-index.accounts").get().longValue();
        if (held != ACCOUNTS
                || adapters.gauges().get("template-index.in-memory").get().intValue() != 1) {
            throw new IllegalStateException("the template index holds " + held + " accounts, not from memory");
        }
    }

    private int next() {
        next = next + 1 == ASKED ? 0 : next + 1;
        return next;
    }

    @Benchmark
    public Optional<LookupTemplateUseCase.Found> aTemplateTheAccountHas() {
        int i = next();
        return lookup.lookup(numbers[i], known[i]);
    }

    @Benchmark
    public Optional<LookupTemplateUseCase.Found> aTemplateTheAccountLacks() {
        int i = next();
        return lookup.lookup(numbers[i], unknown[i]);
    }
}
