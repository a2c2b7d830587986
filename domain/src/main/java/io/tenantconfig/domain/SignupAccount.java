package io.tenantconfig.domain;

import java.util.List;
import java.util.Objects;

/**
 * What Meta's Embedded Signup tells the frontend about the tenant's WhatsApp account: the
 * WhatsApp Business Account and phone number, optionally the business, where the signup
 * redirected to, and the other accounts the user shared in the same signup ({@code waba_ids}),
 * which the one token reaches too.
 */
public record SignupAccount(
        MetaId wabaId, MetaId phoneNumberId, MetaId businessId, WebUrl redirectUrl, List<MetaId> sharedWabaIds) {

    public SignupAccount {
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        sharedWabaIds = sharedWabaIds.stream()
                .filter(id -> !id.equals(wabaId))
                .distinct()
                .toList();
    }

    /** A signup of one account. */
    public SignupAccount(MetaId wabaId, MetaId phoneNumberId, MetaId businessId, WebUrl redirectUrl) {
        this(wabaId, phoneNumberId, businessId, redirectUrl, List.of());
    }
}
