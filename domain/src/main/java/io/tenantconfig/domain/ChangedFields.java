package io.tenantconfig.domain;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
        compare(before.phoneNumber(), after.phoneNumber(), PhoneNumber.FIELDS, changed);
        compare(before.app(), after.app(), AppCredentials.FIELDS, changed);
        compare(before.token(), after.token(), TokenGrant.FIELDS, changed);
        compare(before.webhook(), after.webhook(), Webhook.FIELDS, changed);
        compare(before.onboarding(), after.onboarding(), Onboarding.FIELDS, changed);
        if (before.active() != after.active()) {
            changed.add("is_active");
        }
        return changed;
    }

    private static <T> void compare(T before, T after, Map<String, Function<T, Object>> fields, Set<String> changed) {
        fields.forEach((name, value) -> {
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                changed.add(name);
            }
        });
    }
}
