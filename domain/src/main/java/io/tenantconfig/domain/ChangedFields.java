package io.tenantconfig.domain;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which fields two versions of a configuration disagree on, by their data-model names. Each value
 * record names its own fields ({@code FIELDS}), next to where they are declared.
 */
final class ChangedFields {

    private ChangedFields() {}

    /** Every field whose value differs, also one a rule changed in passing (the PIN of a replaced number). */
    static Set<String> between(TenantConfig before, TenantConfig after) {
        Set<String> changed = new HashSet<>();
        compareAccounts(before, after, changed);
        compareNumbers(before.phoneNumbers(), after.phoneNumbers(), changed);
        compare(before.app(), after.app(), AppCredentials.FIELDS, changed);
        compare(before.callbacks(), after.callbacks(), CallbackSettings.FIELDS, changed);
        compare(before.onboarding(), after.onboarding(), Onboarding.FIELDS, changed);
        if (before.active() != after.active()) {
            changed.add("is_active");
        }
        return changed;
    }

    /**
     * The primary account's fields under the single-account names the earlier model used
     * ({@code waba_id}, {@code access_token}...), as the configuration's own fields show them; each
     * other account by its id: {@code accounts.<waba_id>} when it was added or removed,
     * {@code accounts.<waba_id>.<field>} for a field of it that changed. When the default number
     * moves to another account, both accounts are also named by their ids.
     */
    private static void compareAccounts(TenantConfig before, TenantConfig after, Set<String> changed) {
        Account primaryBefore = before.primaryAccount();
        Account primaryAfter = after.primaryAccount();
        if (!Objects.equals(primaryBefore.wabaId(), primaryAfter.wabaId())) {
            changed.add("waba_id");
        }
        compare(primaryBefore, primaryAfter, Account.FIELDS, changed);
        Set<MetaId> primary = new HashSet<>();
        boolean switched = !Objects.equals(primaryBefore.wabaId(), primaryAfter.wabaId())
                && before.accounts().contains(primaryAfter.wabaId())
                && after.accounts().contains(primaryBefore.wabaId());
        if (!switched) {
            // One account named the same throughout (or named, or renamed): its fields are the seed's names only.
            primary.add(primaryBefore.wabaId());
            primary.add(primaryAfter.wabaId());
        }
        for (Account old : before.accounts().all()) {
            if (primary.contains(old.wabaId())) {
                continue;
            }
            String name = "accounts." + (old.wabaId() == null ? "unnamed" : old.wabaId());
            after.accounts()
                    .find(old.wabaId())
                    .ifPresentOrElse(
                            now -> compare(old, now, Account.FIELDS, field -> changed.add(name + "." + field)),
                            () -> changed.add(name));
        }
        after.accounts().all().stream()
                .filter(account -> !primary.contains(account.wabaId())
                        && !before.accounts().contains(account.wabaId()))
                .forEach(account ->
                        changed.add("accounts." + (account.wabaId() == null ? "unnamed" : account.wabaId())));
    }

    /**
     * The default number's fields under the single-number names the earlier model used
     * ({@code phone_number_id}, {@code display_phone_number}, {@code registration_pin}), and each
     * number by its id: {@code phone_numbers.<id>} when it was added or removed,
     * {@code phone_numbers.<id>.<field>} for a field of it that changed.
     */
    private static void compareNumbers(PhoneNumbers before, PhoneNumbers after, Set<String> changed) {
        PhoneNumber beforeDefault = before.defaultNumber().orElse(null);
        PhoneNumber afterDefault = after.defaultNumber().orElse(null);
        if (!Objects.equals(before.defaultId(), after.defaultId())) {
            changed.add("phone_number_id");
        }
        compareDefault("display_phone_number", beforeDefault, afterDefault, PhoneNumber::displayNumber, changed);
        compareDefault("registration_pin", beforeDefault, afterDefault, PhoneNumber::registrationPin, changed);
        for (PhoneNumber old : before.all()) {
            String name = "phone_numbers." + old.id();
            after.find(old.id())
                    .ifPresentOrElse(
                            now -> {
                                compare(old, now, PhoneNumber.FIELDS, field -> changed.add(name + "." + field));
                                if (before.isDefault(old.id()) != after.isDefault(old.id())) {
                                    changed.add(name + ".is_default");
                                }
                            },
                            () -> changed.add(name));
        }
        after.all().stream()
                .filter(number -> !before.contains(number.id()))
                .forEach(number -> changed.add("phone_numbers." + number.id()));
    }

    private static void compareDefault(
            String name,
            PhoneNumber before,
            PhoneNumber after,
            Function<PhoneNumber, Object> value,
            Set<String> changed) {
        if (!Objects.equals(before == null ? null : value.apply(before), after == null ? null : value.apply(after))) {
            changed.add(name);
        }
    }

    private static <T> void compare(T before, T after, Map<String, Function<T, Object>> fields, Set<String> changed) {
        compare(before, after, fields, changed::add);
    }

    private static <T> void compare(
            T before, T after, Map<String, Function<T, Object>> fields, Consumer<String> changed) {
        fields.forEach((name, value) -> {
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                changed.accept(name);
            }
        });
    }
}
