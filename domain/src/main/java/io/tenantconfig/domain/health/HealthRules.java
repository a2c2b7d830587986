package io.tenantconfig.domain.health;

import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.health.HealthReason.Code;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what Meta said into reasons, a sentence each that the tenant can act on ({@link Health}
 * derives the state from them). Pure: the same facts give the same health.
 */
public final class HealthRules {

    private static final String RECONNECT = " Reconnect WhatsApp (Embedded Signup) to fix it.";

    private HealthRules() {}

    /**
     * The health of a tenant whose primary account Meta answered for with {@code facts} (the
     * others, if any, are as if Meta had not been asked).
     *
     * @param expectedApp the app the token should belong to: the tenant's own, else the platform's
     * @param expiringWindow how long before its expiry a token counts as expiring
     */
    public static Health assess(
            TenantConfig config, MetaId expectedApp, CheckFacts facts, Instant now, Duration expiringWindow) {
        Map<MetaId, CheckFacts> primary = new HashMap<>();
        primary.put(config.primaryAccount().wabaId(), facts);
        return assess(config, expectedApp, primary, Health.NEVER_CHECKED, now, expiringWindow);
    }

    /**
     * The health of a tenant from what Meta said of each of its accounts: each account's reasons
     * (its token, its permissions for its own id, its numbers, its expiry, its standing) name it,
     * and when the tenant has several accounts their messages say which. An account without a
     * token has {@code NO_TOKEN}; one with a token that {@code facts} lacks (Meta could not be
     * reached for it) keeps what {@code before} knew of it, its standing aside. A tenant without
     * any account has {@code NO_TOKEN}.
     *
     * @param facts what Meta said of each account checked, by its {@code waba_id} (the key
     *     {@code null}: the account without an id)
     * @param before the last health known
     * @param expectedApp the app the tokens should belong to: the tenant's own, else the platform's
     * @param expiringWindow how long before its expiry a token counts as expiring
     */
    public static Health assess(
            TenantConfig config,
            MetaId expectedApp,
            Map<MetaId, CheckFacts> facts,
            Health before,
            Instant now,
            Duration expiringWindow) {
        boolean named = config.accounts().size() > 1;
        MetaId primary = config.primaryAccount().wabaId();
        List<HealthReason> reasons = new ArrayList<>();
        List<AccountHealth> accounts = new ArrayList<>();
        Instant tokenExpiresAt = null;
        if (config.accounts().size() == 0) {
            reasons.add(noToken());
        } else if (config.needsPhoneNumber()) {
            reasons.add(noPhoneNumber());
        }
        for (Account account : config.accounts().all()) {
            MetaId id = account.wabaId();
            CheckFacts checked = facts.get(id);
            Instant expiresAt;
            if (checked != null) {
                accountReasons(config, account, expectedApp, checked, now, expiringWindow).stream()
                        .map(reason -> reason.about(id, named))
                        .forEach(reasons::add);
                expiresAt = checked.token().expiresAt();
                accounts.add(new AccountHealth(id, expiresAt));
            } else if (account.token().accessToken() == null) {
                reasons.add(noToken().about(id, named));
                expiresAt = null;
                accounts.add(new AccountHealth(id, null));
            } else {
                before.reasonsOf(id).stream()
                        .filter(reason -> !reason.code().fromStanding())
                        .forEach(reasons::add);
                before.accounts().stream()
                        .filter(known -> Objects.equals(known.wabaId(), id))
                        .forEach(accounts::add);
                expiresAt = Objects.equals(id, primary) ? before.tokenExpiresAt() : null;
            }
            if (Objects.equals(id, primary)) {
                tokenExpiresAt = expiresAt;
            }
            standingReason(account, named).ifPresent(reasons::add);
        }
        return new Health(reasons, now, tokenExpiresAt, numbers(config, facts, before), null, null, accounts);
    }

    /**
     * The reason of a tenant with an account but no number (a signup finished without one): it
     * cannot send until it adds one.
     */
    public static HealthReason noPhoneNumber() {
        return new HealthReason(
                Code.NO_PHONE_NUMBER,
                "You have no phone number yet, so nothing can be sent: add one with POST"
                        + " /api/v1/tenant/config/phone-numbers, or finish the WhatsApp signup with a number.");
    }

    /** The reason of an account without a token (or a tenant without any account). */
    public static HealthReason noToken() {
        return new HealthReason(
                Code.NO_TOKEN,
                "No access token of yours is stored, so there is nothing to check; the platform's"
                        + " credentials are used.");
    }

    /** What one account's facts say, its standing aside. */
    private static List<HealthReason> accountReasons(
            TenantConfig config,
            Account account,
            MetaId expectedApp,
            CheckFacts facts,
            Instant now,
            Duration expiringWindow) {
        List<HealthReason> reasons = new ArrayList<>();
        TokenFacts token = facts.token();
        if (!token.valid()) {
            reasons.add(invalid(token.errorCode(), token.errorSubcode()));
            return reasons;
        }
        if (token.appId() != null && expectedApp != null && !token.appId().equals(expectedApp)) {
            reasons.add(new HealthReason(
                    Code.APP_MISMATCH,
                    "Your access token belongs to the Meta app " + token.appId() + ", not to " + expectedApp
                            + ", the app this platform uses for you." + RECONNECT));
        }
        MetaId wabaId = account.wabaId();
        for (String scope : List.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING)) {
            if (!token.scopes().contains(scope)) {
                reasons.add(new HealthReason(
                        Code.PERMISSION_MISSING,
                        "Your access token lacks the permission " + scope + "." + RECONNECT + " Grant it when asked."));
            } else if (wabaId != null
                    && token.scopeTargets().containsKey(scope)
                    && !token.scopeTargets().get(scope).contains(wabaId)) {
                reasons.add(new HealthReason(
                        Code.ACCOUNT_NOT_GRANTED,
                        "Your access token's permission " + scope + " does not cover your WhatsApp Business Account "
                                + wabaId + "." + RECONNECT + " Select that account when asked."));
            }
        }
        Map<MetaId, NumberFacts> byId = reported(facts);
        for (PhoneNumber number : config.phoneNumbers().inAccount(wabaId)) {
            NumberFacts reported = byId.get(number.id());
            if (reported != null) {
                reasons.addAll(numberReasons(number, reported, facts.accountNumbers()));
            }
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(now.plus(expiringWindow))) {
            reasons.add(new HealthReason(
                    Code.TOKEN_EXPIRING,
                    "Your access token expires on "
                            + token.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate()
                            + "; reconnect WhatsApp (Embedded Signup) before then."));
        }
        if (token.dataAccessExpiresAt() != null && !token.dataAccessExpiresAt().isAfter(now.plus(expiringWindow))) {
            reasons.add(new HealthReason(
                    Code.DATA_ACCESS_EXPIRING,
                    "Your access token's access to your data expires on "
                            + token.dataAccessExpiresAt()
                                    .atOffset(ZoneOffset.UTC)
                                    .toLocalDate()
                            + "; reconnect WhatsApp (Embedded Signup) before then."));
        }
        return reasons;
    }

    /** What Meta said of each number, in the tenant's order: this check's, else (its account not reached) the last known. */
    private static List<NumberHealth> numbers(TenantConfig config, Map<MetaId, CheckFacts> facts, Health before) {
        List<NumberHealth> numbers = new ArrayList<>();
        for (PhoneNumber number : config.phoneNumbers().all()) {
            CheckFacts checked = facts.get(number.wabaId());
            Account account = config.accounts().find(number.wabaId()).orElse(null);
            if (checked != null) {
                NumberFacts reported = reported(checked).get(number.id());
                if (reported != null) {
                    numbers.add(new NumberHealth(number.id(), reported.status(), reported.qualityRating()));
                }
            } else if (account != null && account.token().accessToken() != null) {
                before.numbers().stream()
                        .filter(known -> known.phoneNumberId().equals(number.id()))
                        .forEach(numbers::add);
            }
        }
        return numbers;
    }

    private static Map<MetaId, NumberFacts> reported(CheckFacts facts) {
        return facts.numbers().stream()
                .collect(Collectors.toMap(NumberFacts::id, Function.identity(), (first, second) -> first));
    }

    /**
     * The reason the standing of {@code account} gives when it is not good, about that account
     * (named in its message when {@code named}: the tenant has several).
     */
    public static Optional<HealthReason> standingReason(Account account, boolean named) {
        return standingReason(account.standing()).map(reason -> reason.about(account.wabaId(), named));
    }

    /** The reason a standing other than good gives, in words: what Meta reported and since when. */
    public static Optional<HealthReason> standingReason(AccountStanding standing) {
        Code code = switch (standing.status()) {
            case GOOD -> null;
            case RESTRICTED -> Code.ACCOUNT_RESTRICTED;
            case DISCONNECTED -> Code.ACCOUNT_DISCONNECTED;
            case DISABLED -> Code.ACCOUNT_DISABLED;
            case DELETED -> Code.ACCOUNT_DELETED;
        };
        if (code == null) {
            return Optional.empty();
        }
        String since = " (reported by Meta on "
                + standing.since().atOffset(ZoneOffset.UTC).toLocalDate() + ")";
        String advice = switch (standing.status()) {
            case DISCONNECTED -> RECONNECT;
            case DISABLED, DELETED -> " This platform no longer sends through it. See WhatsApp Manager.";
            default -> " See WhatsApp Manager for what Meta asks you to fix.";
        };
        return Optional.of(new HealthReason(code, standing.detail() + since + "." + advice));
    }

    /** The reason for a token Meta refused: error 190 and its subcode, in words. */
    public static HealthReason invalid(Integer code, Integer subcode) {
        String why;
        Code reasonCode;
        if (Integer.valueOf(463).equals(subcode)) {
            reasonCode = Code.TOKEN_EXPIRED;
            why = "Your access token has expired.";
        } else if (Integer.valueOf(460).equals(subcode)) {
            reasonCode = Code.TOKEN_PASSWORD_CHANGED;
            why = "Your access token stopped working because the password of the Facebook account that"
                    + " granted it was changed.";
        } else if (Integer.valueOf(458).equals(subcode)) {
            reasonCode = Code.APP_REMOVED;
            why = "The person who granted your access token removed this platform's app.";
        } else {
            reasonCode = Code.TOKEN_INVALID;
            why = "Meta no longer accepts your access token"
                    + (code == null ? "" : " (error " + code + (subcode == null ? "" : ", subcode " + subcode) + ")")
                    + ".";
        }
        return new HealthReason(reasonCode, why + RECONNECT);
    }

    private static List<HealthReason> numberReasons(PhoneNumber number, NumberFacts reported, Set<MetaId> inAccount) {
        String name = "The phone number " + (number.displayNumber() == null ? "" : number.displayNumber() + " ") + "("
                + number.id() + ")";
        List<HealthReason> reasons = new ArrayList<>();
        if (!reported.known() || (inAccount != null && !inAccount.contains(number.id()))) {
            reasons.add(new HealthReason(
                    Code.NUMBER_NOT_IN_ACCOUNT,
                    name + " is no longer in your WhatsApp Business Account. Remove it here, or add it back at Meta."));
            return reasons;
        }
        if (reported.status() != null && !"CONNECTED".equalsIgnoreCase(reported.status())) {
            reasons.add(new HealthReason(
                    Code.NUMBER_NOT_CONNECTED,
                    name + " is " + reported.status() + " at Meta, not CONNECTED: it cannot send messages."));
        }
        if ("RED".equalsIgnoreCase(reported.qualityRating())) {
            reasons.add(new HealthReason(
                    Code.NUMBER_QUALITY_RED,
                    name + " has a RED quality rating: Meta may limit how many people it can message."));
        }
        if ("BLOCKED".equalsIgnoreCase(reported.canSendMessage())
                || "LIMITED".equalsIgnoreCase(reported.canSendMessage())) {
            reasons.add(new HealthReason(
                    "BLOCKED".equalsIgnoreCase(reported.canSendMessage()) ? Code.NUMBER_BLOCKED : Code.NUMBER_LIMITED,
                    name + ": Meta's health status says its messages are "
                            + reported.canSendMessage().toUpperCase(Locale.ROOT)
                            + ". See WhatsApp Manager for what Meta asks you to fix."));
        }
        if ("DECLINED".equalsIgnoreCase(reported.nameStatus())) {
            reasons.add(new HealthReason(
                    Code.NUMBER_NAME_DECLINED,
                    name + ": Meta declined its display name. Submit another name in WhatsApp Manager."));
        }
        return reasons;
    }
}
