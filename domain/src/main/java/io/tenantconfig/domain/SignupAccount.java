package io.tenantconfig.domain;

import java.util.Objects;

/**
 * What Meta's Embedded Signup tells the frontend about the tenant's WhatsApp account: the
 * WhatsApp Business Account and phone number, optionally the business, and where the signup
 * redirected to.
 */
public record SignupAccount(MetaId wabaId, MetaId phoneNumberId, MetaId businessId, WebUrl redirectUrl) {

    public SignupAccount {
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    }
}
