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
        compare(before.account(), after.account(), WhatsAppAccount.FIELDS, changed);
        compareNumbers(before.phoneNumbers(), after.phoneNumbers(), changed);
        compare(before.app(), after.app(), AppCredentials.FIELDS, changed);
        compare(before.token(), after.token(), TokenGrant.FIELDS, changed);
        compare(before.callbacks(), after.callbacks(), CallbackSettings.FIELDS, changed);
        compare(before.onboarding(), after.onboarding(), Onboarding.FIELDS, changed);
        if (before.active() != after.active()) {
            changed.add("is_active");
        }
        compare(before.standing(), after.standing(), AccountStanding.FIELDS, changed);
        return changed;
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
