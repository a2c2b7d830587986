package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.AppDataSyncs;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.ConfigBackup;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.EncryptedSecrets;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.KeptBusinessProfiles;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.application.port.out.NumberCapacities;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.Retention;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.application.port.out.StoredCredentials;
import io.tenantconfig.application.port.out.TemplateCatalogues;
import io.tenantconfig.application.port.out.TemplateDirectory;
import io.tenantconfig.application.port.out.TemplateSchedule;
import io.tenantconfig.application.port.out.WebhookInbox;
import io.tenantconfig.application.port.out.WebhookIntake;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.TenantId;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * adapters-persistence's one entry point: the application's outbound ports on PostgreSQL (with
 * JDBI), secrets encrypted at rest with a Tink keyset, and what the service starts, stops, checks
 * and measures with them. Everything behind it is package-private.
 *
 * <p>Built {@link #direct} (for the operator's commands, tests and benchmarks), each port reads
 * and writes the database itself. Built {@link #serving} (the service), the configurations and
 * who owns which number are kept in memory, kept current by a listener on a connection of its
 * own that hears every instance's changes; until {@link #start} (and while the listener is not
 * listening) every lookup goes to the database. Webhook changes are written in group commits by
 * a writer that runs from {@link #start} to {@link #stop}, in both.
 */
public final class PostgresAdapters {

    /** Webhook bodies waiting for the next group commit at most; past that, 503 (Meta retries). */
    private static final int WEBHOOK_BODIES_WAITING = 10_000;
    /** How long a webhook body waits for its commit before the answer is 503. */
    private static final long WEBHOOK_WAIT_MILLIS = 10_000;

    /**
     * How the configurations kept in memory are bounded and kept current: at most
     * {@code maximumSize} whole configurations and {@code loaderMaximumSize} tenants' credentials
     * for the loader, each read again {@code expireAfterWrite} after it was read; how long the
     * listener waits before reconnecting; and how long the loader answers from memory, marked
     * stale, while the database cannot be reached.
     */
    public record CacheSettings(
            long maximumSize,
            long loaderMaximumSize,
            Duration expireAfterWrite,
            Duration listenerReconnectDelay,
            Duration maximumStaleness) {

        public CacheSettings {
            Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
            Objects.requireNonNull(listenerReconnectDelay, "listenerReconnectDelay");
            Objects.requireNonNull(maximumStaleness, "maximumStaleness");
        }
    }

    private final Jdbi jdbi;
    private final SecretCipher cipher;
    private final Clock clock;
    private final JdbiConfigStore database;
    private final ConfigStore store;
    private final LastKnownConfigs lastKnown;
    private final NumberDirectory directory;
    private final WebhookKeys webhookKeys;
    private final AuditLog auditLog;
    private final HealthSchedule healthSchedule;
    private final EventOutbox outbox;
    private final WebhookInbox webhookInbox;
    private final SignupSessions signupSessions;
    private final AppDataSyncs appDataSyncs;
    private final JdbiTemplateCatalogues templateCatalogues;
    private final TemplateDirectory templateDirectory;
    private final KeptBusinessProfiles keptBusinessProfiles;
    private final GroupCommitWebhookIntake intake;
    private final NumberCapacities capacities;
    /** {@code null} when built {@link #direct}. */
    private final ConfigNotificationListener listener;

    private final Map<String, Supplier<Number>> gauges = new LinkedHashMap<>();

    private <D extends NumberDirectory & WebhookKeys> PostgresAdapters(
            Jdbi jdbi,
            SecretCipher cipher,
            Clock clock,
            JdbiConfigStore database,
            ConfigStore store,
            LastKnownConfigs lastKnown,
            D directory,
            TemplateDirectory templateDirectory,
            ConfigNotificationListener listener) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.clock = clock;
        this.database = database;
        this.store = store;
        this.lastKnown = lastKnown;
        this.directory = directory;
        this.webhookKeys = directory;
        this.listener = listener;
        this.auditLog = new JdbiAuditLog(jdbi);
        this.healthSchedule = new JdbiHealthSchedule(jdbi);
        this.outbox = new JdbiEventOutbox(jdbi);
        this.webhookInbox = new JdbiWebhookInbox(jdbi);
        this.signupSessions = new JdbiSignupSessions(jdbi);
        this.appDataSyncs = new JdbiAppDataSyncs(jdbi);
        this.templateCatalogues = new JdbiTemplateCatalogues(jdbi);
        this.templateDirectory = templateDirectory == null ? templateCatalogues : templateDirectory;
        this.keptBusinessProfiles = new JdbiKeptBusinessProfiles(jdbi);
        this.intake = new GroupCommitWebhookIntake(jdbi, WEBHOOK_BODIES_WAITING, WEBHOOK_WAIT_MILLIS);
        // Serving, this instance's index hears of a capacity change once it is committed, as every
        // other instance's does from the announcement.
        Consumer<TenantId> afterCommit = tenantId -> {};
        if (directory instanceof NumberIndex index) {
            afterCommit = index::changed;
        }
        this.capacities = new JdbiNumberCapacities(jdbi, afterCommit);
        gauges.put("webhooks.waiting", intake::waiting);
    }

    /**
     * Each port straight on the database, nothing kept in memory: for the operator's commands,
     * tests and benchmarks.
     *
     * @param keyset the Tink keyset (JSON) secrets are encrypted with
     */
    public static PostgresAdapters direct(Jdbi jdbi, String keyset, Clock clock) {
        SecretCipher cipher = new TinkSecretCipher(keyset);
        JdbiConfigStore database = new JdbiConfigStore(jdbi, cipher);
        return new PostgresAdapters(
                jdbi,
                cipher,
                clock,
                database,
                database,
                tenantId -> LastKnownConfigs.LastKnown.current(
                        database.load(tenantId).map(StoredCredentials::of)),
                new JdbiNumberDirectory(jdbi),
                null,
                null);
    }

    /**
     * As the service runs them: the configurations and who owns which number kept in memory
     * ({@code cache}), kept current from {@link #start} by a listener on a connection of its own.
     *
     * @param keyset the Tink keyset (JSON) secrets are encrypted with
     * @param listenerConnections opens the listener's connection (outside any pool; it holds it for long)
     */
    public static PostgresAdapters serving(
            Jdbi jdbi, String keyset, Clock clock, CacheSettings cache, Callable<Connection> listenerConnections) {
        SecretCipher cipher = new TinkSecretCipher(keyset);
        JdbiConfigStore database = new JdbiConfigStore(jdbi, cipher);
        CachingConfigStore store = new CachingConfigStore(
                database,
                cache.maximumSize(),
                cache.loaderMaximumSize(),
                cache.expireAfterWrite(),
                cache.maximumStaleness(),
                clock);
        NumberIndex numbers = new NumberIndex(new JdbiNumberDirectory(jdbi));
        store.alsoAfterCommit(numbers);
        TemplateIndex templates = new TemplateIndex(jdbi, new JdbiTemplateCatalogues(jdbi));
        ConfigNotificationListener listener = new ConfigNotificationListener(
                () -> open(listenerConnections),
                ConfigNotificationSubscriber.all(store, numbers, templates),
                cache.listenerReconnectDelay());
        PostgresAdapters adapters =
                new PostgresAdapters(jdbi, cipher, clock, database, store, store, numbers, templates, listener);
        adapters.gauges.put("template-index.accounts", templates::size);
        adapters.gauges.put("template-index.in-memory", () -> templates.isServingFromMemory() ? 1 : 0);
        adapters.gauges.put("cache.hits", store::hits);
        adapters.gauges.put("cache.misses", store::misses);
        adapters.gauges.put("cache.size", store::size);
        adapters.gauges.put("loader.size", store::loaderSize);
        adapters.gauges.put("loader.stale", store::servingStale);
        adapters.gauges.put("loader.stale-answers", store::staleAnswers);
        adapters.gauges.put("number-index.tenants", numbers::size);
        adapters.gauges.put("number-index.in-memory", () -> numbers.isServingFromMemory() ? 1 : 0);
        adapters.gauges.put("notifications.received", listener::notificationsReceived);
        adapters.gauges.put("notifications.reconnects", listener::reconnects);
        return adapters;
    }

    private static Connection open(Callable<Connection> connections) throws SQLException {
        try {
            return connections.call();
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("could not open the listener's connection", e);
        }
    }

    /** The configurations: behind their copy in memory when serving. */
    public ConfigStore store() {
        return store;
    }

    /** What the loader reads: the copy in memory when serving, current or (while the database is down) last known. */
    public LastKnownConfigs lastKnown() {
        return lastKnown;
    }

    /** Lists and counts of the configurations, always from the database. */
    public ConfigCatalog catalog() {
        return database;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** Who owns which number and account: from memory when serving. */
    public NumberDirectory directory() {
        return directory;
    }

    /** Each tenant's webhook key, from the same place as {@link #directory}. */
    public WebhookKeys webhookKeys() {
        return webhookKeys;
    }

    /** @param checkInterval a tenant checked before any sweep enrolled it is next due this long after */
    public HealthStore healthStore(Duration checkInterval) {
        return new JdbiHealthStore(jdbi, clock, checkInterval);
    }

    /** Each number's capacity as Meta last said it, announced to every instance's directory. */
    public NumberCapacities numberCapacities() {
        return capacities;
    }

    public HealthSchedule healthSchedule() {
        return healthSchedule;
    }

    public EventOutbox outbox() {
        return outbox;
    }

    /** The webhook changes as stored, read back. */
    public WebhookInbox webhookInbox() {
        return webhookInbox;
    }

    /** Every signup session: each onboarding call and each event the page reported. */
    public SignupSessions signupSessions() {
        return signupSessions;
    }

    /** The syncs of WhatsApp Business apps' data the signups asked for, shared by every instance. */
    public AppDataSyncs appDataSyncs() {
        return appDataSyncs;
    }

    /** The template catalogues as stored (written in the store's transactions). */
    public TemplateCatalogues templateCatalogues() {
        return templateCatalogues;
    }

    /** When each account's templates are next read, shared by every instance. */
    public TemplateSchedule templateSchedule() {
        return templateCatalogues;
    }

    /** Each account's templates for the sending code's lookup: from memory when serving. */
    public TemplateDirectory templateDirectory() {
        return templateDirectory;
    }

    /** The business profiles Meta last answered, one per number. */
    public KeptBusinessProfiles keptBusinessProfiles() {
        return keptBusinessProfiles;
    }

    /** Where received webhook changes are written, in group commits once {@link #start}ed. */
    public WebhookIntake webhookIntake() {
        return intake;
    }

    /** Every configuration to a file and back, secrets as stored. */
    public ConfigBackup backup() {
        return new Backup(jdbi, cipher, clock);
    }

    /** The stored secrets, re-encrypted with the keyset's primary key or only checked. */
    public EncryptedSecrets secrets() {
        return new SecretReencryption(jdbi, cipher);
    }

    /** @param mostBatchesPerKind how many batches of a thousand rows of each kind one round deletes at most */
    public Retention retention(Retention.Ages ages, int mostBatchesPerKind) {
        return new JdbiRetention(jdbi, ages, mostBatchesPerKind);
    }

    /**
     * Starts the listener (serving: returns once its first LISTEN is in place, or has failed and
     * is being retried) and the webhook intake's writer.
     */
    public void start() {
        if (listener != null) {
            listener.start();
        }
        intake.start();
    }

    /** Stops the webhook intake's writer (the bodies waiting are written first), then the listener. */
    public void stop() throws InterruptedException {
        intake.stop();
        if (listener != null) {
            listener.stop();
        }
    }

    /** Whether every change is being heard of now, so lookups are served from memory (never when direct). */
    public boolean isListening() {
        return listener != null && listener.isListening();
    }

    /**
     * What there is to measure, each by its name (e.g. {@code cache.hits}): the webhook bodies
     * waiting for their commit, and when serving the copies in memory and the announcements heard.
     */
    public Map<String, Supplier<Number>> gauges() {
        return Collections.unmodifiableMap(gauges);
    }

    /** A new keyset with one AES-256-GCM key, in Tink's JSON format. */
    public static String newKeyset() throws GeneralSecurityException {
        return Keysets.generate();
    }

    /** {@code keyset} with a new AES-256-GCM key added as primary; the old keys stay for decrypting. */
    public static String rotateKeyset(String keyset) throws GeneralSecurityException {
        return Keysets.rotate(keyset);
    }

    /** {@code keyset} with only its primary key: values still under older keys will no longer decrypt. */
    public static String pruneKeyset(String keyset) throws GeneralSecurityException {
        return Keysets.prune(keyset);
    }
}
