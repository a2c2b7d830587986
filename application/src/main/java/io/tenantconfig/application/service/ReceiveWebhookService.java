package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase.Sender;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.MetaInstall;
import io.tenantconfig.application.port.out.NumberCapacities;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.application.port.out.TemplateSchedule;
import io.tenantconfig.application.port.out.WebhookIntake;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountEvents;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.Changed;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UntrustedText;
import io.tenantconfig.domain.VerifiedName;
import io.tenantconfig.domain.capacity.CapacityEvents;
import io.tenantconfig.domain.capacity.CapacityUpdate;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateChange;
import io.tenantconfig.domain.template.TemplateWebhooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The webhook intake. Routing asks the number directory (memory). A body that touches no
 * configuration (messages, statuses: nearly all) goes to the {@link WebhookIntake}, which stores
 * each change once with its {@code whatsapp.change} event, maybe in one transaction with other
 * bodies. A body with lifecycle changes is taken in a transaction of its own that also applies
 * them to their tenants' configurations (locked, audited, announced, with their events). After it commits, the health of a tenant whose standing changed is updated, and a
 * tenant whose numbers Meta re-rated is made due for a check: both derive from what is
 * committed, and the next check recomputes them if this step is lost. A
 * {@code PARTNER_APP_INSTALLED} for an account no tenant holds also takes the transaction: it is
 * kept with the signup session that named the account and failed (support sees Meta's side
 * finished), else without a tenant for admins. A {@code phone_number_quality_update} or
 * {@code business_capability_update} also takes the transaction, so that once the change is
 * stored (not for a duplicate) the capacity it says is kept for the account's numbers
 * ({@link #keepCapacity}); if that step is lost, the next check reads the capacity from Meta.
 */
final class ReceiveWebhookService implements ReceiveWebhookUseCase {

    /** Who the audit trail names for changes Meta's webhooks make. */
    static final Actor META_WEBHOOK = new Actor("system:meta-webhook");

    private static final System.Logger LOG = System.getLogger(ReceiveWebhookService.class.getName());
    private static final String MESSAGE_KEY = "wamid:";
    private static final int MOST_KEY_LENGTH = 100;
    private static final int MOST_FIELD_LENGTH = 100;
    /**
     * How far apart Meta's install and a failed signup session that named its account may be for
     * the session to take it (the session ended at most this long before the install arrived, or
     * the install arrived at most this long before the session started): the page sends the signup
     * right after Meta's flow ends, so an older failed session is an earlier attempt, and the
     * install one of a signup never sent here.
     */
    static final Duration SIGNUP_WINDOW = Duration.ofHours(24);
    /** Why a change whose field holds control characters is kept without a tenant. */
    static final String REJECTED_FIELD = "rejected: its field holds control characters (shown escaped)";
    /** Why a {@code PARTNER_APP_INSTALLED} for an account nobody has is kept without a tenant (the account follows). */
    static final String SIGNUP_NOT_COMPLETED =
            "a signup finished at Meta (PARTNER_APP_INSTALLED) but was never completed here: no tenant has the"
                    + " WhatsApp Business Account ";

    private static final String OWNER_BUSINESS = "waba_info.owner_business_id";
    private static final String PARTNER_APP = "waba_info.partner_app_id";

    private final ConfigStore store;
    private final WebhookIntake webhookIntake;
    private final NumberDirectory directory;
    private final HealthStore healthStore;
    private final HealthSchedule schedule;
    private final NumberCapacities capacities;
    private final TemplateSchedule templateSchedule;
    private final Clock clock;

    ReceiveWebhookService(
            ConfigStore store,
            WebhookIntake webhookIntake,
            NumberDirectory directory,
            HealthStore healthStore,
            HealthSchedule schedule,
            NumberCapacities capacities,
            TemplateSchedule templateSchedule,
            Clock clock) {
        this.store = store;
        this.webhookIntake = webhookIntake;
        this.directory = directory;
        this.healthStore = healthStore;
        this.schedule = schedule;
        this.capacities = capacities;
        this.templateSchedule = templateSchedule;
        this.clock = clock;
    }

    @Override
    public Receipt receive(Sender sender, List<WebhookChange> changes) {
        Instant now = clock.instant();
        List<Routed> routed =
                changes.stream().map(change -> route(sender, change, now)).toList();
        boolean needsTransaction = routed.stream()
                .anyMatch(r -> r.install() != null
                        || (r.stored().tenantId() != null
                                && (AccountEvents.LIFECYCLE_FIELDS.contains(
                                                r.change().field())
                                        || CapacityEvents.FIELDS.contains(
                                                r.change().field())))
                        || changesATemplate(r));
        if (!needsTransaction) {
            return takeIn(routed, now);
        }
        Intake intake = store.inTransaction(tx -> take(tx, routed, now));
        intake.standings.forEach((tenant, accounts) -> updateHealth(tenant, accounts, now));
        intake.recheck.forEach(tenant -> recheck(tenant, now));
        intake.capacities.forEach(said -> keepCapacity(said, now));
        intake.rereadTemplates.forEach(account -> rereadTemplates(account, now));
        return new Receipt(intake.stored, intake.duplicates, intake.unroutable);
    }

    /** The hot path: changes that touch no configuration, stored (maybe with other bodies') by the intake. */
    private Receipt takeIn(List<Routed> routed, Instant now) {
        List<WebhookIntake.Taken> taken = routed.stream()
                .map(r -> new WebhookIntake.Taken(r.stored(), event(r.stored(), now)))
                .toList();
        List<Boolean> stored = webhookIntake.take(taken);
        int storedCount = 0;
        int unroutable = 0;
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i)) {
                storedCount++;
                if (routed.get(i).stored().tenantId() == null) {
                    unroutable++;
                }
            }
        }
        return new Receipt(storedCount, stored.size() - storedCount, unroutable);
    }

    /** What the platform hears of a stored change ({@code whatsapp.change}); none for one nobody owns. */
    private static PlatformEvent event(StoredWebhookChange change, Instant now) {
        return change.event()
                .flatMap(received -> PlatformEvent.of(received, now))
                .orElse(null);
    }

    /**
     * A change with the tenant it goes to, as it will be stored; {@code install} when it is Meta's
     * install of an account nobody holds, for a signup session to take ({@code null} otherwise).
     */
    private record Routed(WebhookChange change, StoredWebhookChange stored, MetaInstall install) {
        Routed(WebhookChange change, StoredWebhookChange stored) {
            this(change, stored, null);
        }
    }

    /** What one transaction did, and what is left to do after it commits. */
    private static final class Intake {
        int stored;
        int duplicates;
        int unroutable;
        /** Each tenant whose accounts' standing changed, with its accounts after the last such change. */
        final Map<TenantId, Accounts> standings = new LinkedHashMap<>();

        final Set<TenantId> recheck = new LinkedHashSet<>();
        /** What each stored capacity change says, in the order received. */
        final List<CapacitySaid> capacities = new ArrayList<>();

        /** Accounts whose catalogue a template webhook left partly unknown: read again soon. */
        final Set<MetaId> rereadTemplates = new LinkedHashSet<>();
    }

    /** What a stored capacity webhook says of the numbers of the tenant's account. */
    private record CapacitySaid(TenantId tenant, MetaId account, CapacityUpdate update) {}

    private Routed route(Sender sender, WebhookChange change, Instant now) {
        TenantId signedFor = sender.onlyFor().orElse(null);
        if (UntrustedText.hasControlCharacters(change.field())) {
            // PostgreSQL cannot hold a NUL, and no field of Meta's has one: kept, named, never routed.
            String field = UntrustedText.escaped(change.field());
            return new Routed(
                    change,
                    new StoredWebhookChange(
                            dedupeKey(change),
                            now,
                            null,
                            change.accountId(),
                            change.phoneNumberId(),
                            field.length() > MOST_FIELD_LENGTH ? field.substring(0, MOST_FIELD_LENGTH) : field,
                            change.valueJson(),
                            REJECTED_FIELD,
                            signedFor));
        }
        MetaId account = change.account();
        Optional<NumberOwner> owner = Optional.empty();
        if (change.phoneNumberId() != null) {
            owner = directory.ownerOfNumber(change.phoneNumberId());
        }
        if (owner.isEmpty() && account != null) {
            owner = directory.ownerOfAccount(account);
        }
        boolean heldByNobody = owner.isEmpty();
        String unroutable = null;
        if (owner.isEmpty()) {
            unroutable = nobodyOwns(change, account);
        } else if (sender.onlyFor().isPresent()
                && !sender.onlyFor().get().equals(owner.get().tenantId())) {
            unroutable = "signed with one tenant's own app secret, for a number or account of another tenant";
            owner = Optional.empty();
        }
        TenantId tenant = owner.map(NumberOwner::tenantId).orElse(null);
        MetaInstall install = heldByNobody
                        && change.phoneNumberId() == null
                        && account != null
                        && AccountEvents.signupFinishedAtMeta(change.field(), change.facts())
                ? new MetaInstall(
                        account,
                        idOrNull(change.facts().get(OWNER_BUSINESS)),
                        idOrNull(change.facts().get(PARTNER_APP)),
                        now)
                : null;
        return new Routed(
                change,
                new StoredWebhookChange(
                        dedupeKey(change),
                        now,
                        tenant,
                        account,
                        change.phoneNumberId(),
                        change.field(),
                        change.valueJson(),
                        unroutable,
                        signedFor),
                install);
    }

    private static MetaId idOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MetaId.parse(text);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    /**
     * Why nobody takes a change. A {@code PARTNER_APP_INSTALLED} for an account no tenant has is
     * how Meta says a signup finished at its end: when no failed signup session named the account
     * (the page did not send us the code), it was never completed here, so it is kept for admins
     * saying so.
     */
    static String nobodyOwns(WebhookChange change, MetaId account) {
        if (change.phoneNumberId() != null) {
            return "no tenant has the phone number " + change.phoneNumberId() + " or its account";
        }
        if (account == null) {
            return "the change names neither a phone number nor an account";
        }
        if (AccountEvents.signupFinishedAtMeta(change.field(), change.facts())) {
            return SIGNUP_NOT_COMPLETED + account;
        }
        return "no tenant has the WhatsApp Business Account " + account;
    }

    private Intake take(ConfigStore.Transaction tx, List<Routed> routed, Instant now) {
        Intake intake = new Intake();
        for (Routed one : routed) {
            if (one.install() != null) {
                switch (tx.attachToSignup(one.stored(), one.install(), now.minus(SIGNUP_WINDOW))) {
                    case ATTACHED -> {
                        intake.stored++;
                        continue;
                    }
                    case ALREADY_ATTACHED -> {
                        intake.duplicates++;
                        continue;
                    }
                    case NO_SESSION -> {
                        // Kept for admins below, as a signup never completed here.
                    }
                }
            }
            if (!tx.receive(one.stored())) {
                intake.duplicates++;
                continue;
            }
            intake.stored++;
            TenantId tenant = one.stored().tenantId();
            if (tenant == null) {
                intake.unroutable++;
                continue;
            }
            LockedWrite.record(tx, META_WEBHOOK, one.stored().event().orElseThrow(), now);
            capacitySaid(tenant, one.change(), intake);
            WebhookChange change = one.change();
            if (AccountEvents.LIFECYCLE_FIELDS.contains(change.field())) {
                applyLifecycle(tx, tenant, change, now, intake);
            }
            if (changesATemplate(one)) {
                applyTemplateChange(tx, tenant, change, now, intake);
            }
        }
        return intake;
    }

    /** The standing and numbers a lifecycle change updates, in the intake's transaction. */
    private void applyLifecycle(
            ConfigStore.Transaction tx, TenantId tenant, WebhookChange change, Instant now, Intake intake) {
        AtomicReference<Accounts> changedTo = new AtomicReference<>();
        LockedWrite.within(tx, tenant, META_WEBHOOK, current -> {
            MetaId about = change.account();
            Optional<Account> account = Optional.ofNullable(about).flatMap(current.accounts()::find);
            Optional<AccountStanding> standing = account.flatMap(
                    a -> AccountEvents.standingAfter(a.standing(), change.field(), change.facts(), now));
            if (standing.isEmpty()) {
                return nameApproved(current, change);
            }
            Outcome outcome = current.standingChanged(about, standing.get(), clock);
            if (outcome instanceof Changed changed) {
                changedTo.set(changed.config().accounts());
            }
            return outcome;
        });
        if (changedTo.get() != null) {
            intake.standings.put(tenant, changedTo.get());
        }
        if (!AccountEvents.ACCOUNT_UPDATE.equals(change.field())) {
            intake.recheck.add(tenant);
        }
    }

    /** A template webhook (status, quality, category, components) for an account a tenant has. */
    private static boolean changesATemplate(Routed routed) {
        return routed.stored().tenantId() != null
                && routed.change().account() != null
                && TemplateWebhooks.FIELDS.contains(routed.change().field());
    }

    /**
     * The template a template webhook is about, changed in the account's catalogue in the intake's
     * transaction; a change of status, category or quality is a {@code template.changed} for the
     * platform. A template the catalogue does not hold yet is added from a status update; the
     * account is read again soon when the webhook left something unknown.
     */
    private void applyTemplateChange(
            ConfigStore.Transaction tx, TenantId tenant, WebhookChange change, Instant now, Intake intake) {
        MetaId account = change.account();
        Optional<Template.Key> key = TemplateWebhooks.about(change.facts());
        if (key.isEmpty()) {
            return;
        }
        Template before = tx.lockTemplates(account).get(key.get());
        Optional<Template> after = TemplateWebhooks.after(before, change.field(), change.facts());
        if (TemplateWebhooks.leavesUnknown(before, change.field())) {
            intake.rereadTemplates.add(account);
        }
        if (after.isEmpty() || after.get().equals(before)) {
            return;
        }
        tx.saveTemplate(account, after.get(), now);
        Optional<TemplateChange> changed = before == null
                ? Optional.of(new TemplateChange(null, after.get()))
                : after.get().changedFrom(before);
        changed.ifPresent(
                c -> LockedWrite.record(tx, META_WEBHOOK, new DomainEvent.TemplateChanged(tenant, account, c), now));
    }

    private void rereadTemplates(MetaId account, Instant now) {
        try {
            templateSchedule.dueNow(account, now);
        } catch (StoreUnavailableException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not make an account due for a template read after a template webhook: the sweep will"
                            + " read it in its interval");
        }
    }

    /** A display name Meta approved becomes the number's verified name. */
    private Outcome nameApproved(TenantConfig current, WebhookChange change) {
        Map<String, String> facts = change.facts();
        if (!AccountEvents.NAME_UPDATE.equals(change.field()) || !"APPROVED".equals(facts.get("decision"))) {
            return new Outcome.Unchanged();
        }
        try {
            return current.nameApproved(
                    facts.get("display_phone_number"), VerifiedName.parse(facts.get("requested_verified_name")), clock);
        } catch (InvalidValueException e) {
            return new Outcome.Unchanged();
        }
    }

    /** What a stored change says of its account's numbers' capacity, kept after the intake commits. */
    private static void capacitySaid(TenantId tenant, WebhookChange change, Intake intake) {
        MetaId account = change.account();
        if (account == null || !CapacityEvents.FIELDS.contains(change.field())) {
            return;
        }
        CapacityEvents.updateFrom(change.field(), change.facts())
                .ifPresent(update -> intake.capacities.add(new CapacitySaid(tenant, account, update)));
    }

    /** The capacity a webhook said, for every instance to answer; lost, the next check reads it from Meta. */
    private void keepCapacity(CapacitySaid said, Instant now) {
        try {
            capacities.updated(said.tenant(), said.account(), said.update(), now);
        } catch (StoreUnavailableException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not keep the capacity a webhook said of a tenant's numbers: the next check will read it");
        }
    }

    /** The health with each account's standing now: only the account whose standing changed gets another reason. */
    private void updateHealth(TenantId tenant, Accounts accounts, Instant now) {
        try {
            healthStore.healthOf(tenant).ifPresent(before -> {
                Health after = before.withStanding(accounts);
                healthStore.record(tenant, after, CheckHealthService.changed(tenant, before, after, now));
            });
        } catch (StoreUnavailableException e) {
            // The standing is committed; the tenant's next check derives its health from it.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not update a tenant's health after Meta changed its account's standing: the next check"
                            + " will");
        }
    }

    private void recheck(TenantId tenant, Instant now) {
        try {
            schedule.dueNow(tenant, now);
        } catch (StoreUnavailableException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not make a tenant due for a health check after a webhook about its numbers");
        }
    }

    /**
     * The message's id when the change carries one inbound message (and it fits, without control
     * characters); else a hash of the account, field and value. Unique within the change's scope
     * ({@link StoredWebhookChange#dedupeScope()}), never across tenants.
     */
    static String dedupeKey(WebhookChange change) {
        if (change.messageId() != null
                && MESSAGE_KEY.length() + change.messageId().length() <= MOST_KEY_LENGTH
                && !UntrustedText.hasControlCharacters(change.messageId())) {
            return MESSAGE_KEY + change.messageId();
        }
        String account = change.accountId() == null ? "" : change.accountId().value();
        return "sha256:"
                + HexFormat.of().formatHex(sha256(account + "\n" + change.field() + "\n" + change.valueJson()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
