package io.tenantconfig.domain.profile;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.util.Optional;

/**
 * Whose business profile may be read or changed: one of the tenant's own numbers, whose account
 * has a token to ask Meta with. A profile belongs to a number, so the number names the account.
 */
public final class ProfileNumber {

    private ProfileNumber() {}

    /** Why the profile of {@code id} cannot be asked of Meta for this configuration; empty when it can. */
    public static Optional<Refusal> refusal(TenantConfig config, MetaId id) {
        if (config.phoneNumbers().find(id).isEmpty()) {
            return Optional.of(new Refusal(
                    Refusal.Reason.UNKNOWN_NUMBER, "the phone number " + id + " is not one of this configuration's"));
        }
        if (config.accountOf(id).map(account -> account.token().accessToken()).isEmpty()) {
            return Optional.of(new Refusal(
                    Refusal.Reason.INCOMPLETE,
                    "the WhatsApp Business Account of the phone number " + id
                            + " has no access token to ask Meta with"));
        }
        return Optional.empty();
    }
}
