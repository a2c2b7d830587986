package io.tenantconfig.domain;

import java.util.List;
import java.util.Objects;

/**
 * What Meta's Embedded Signup tells the frontend about the tenant's WhatsApp account: how the user
 * finished, the WhatsApp Business Account and its phone number ({@code null} when the user
 * finished without one), optionally the business, where the signup redirected to, and the other
 * accounts the user shared in the same signup ({@code waba_ids}), which the one token reaches too.
 * A {@link SignupFinish#FINISH} always names its number and a {@link SignupFinish#FINISH_ONLY_WABA}
 * never does.
 */
public record SignupAccount(
        SignupFinish finish,
        MetaId wabaId,
        MetaId phoneNumberId,
        MetaId businessId,
        WebUrl redirectUrl,
        List<MetaId> sharedWabaIds) {

    public SignupAccount {
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(wabaId, "wabaId");
        if (finish.needsNumber() && phoneNumberId == null) {
            throw new IllegalArgumentException("a signup finished with a number names it");
        }
        if (!finish.allowsNumber() && phoneNumberId != null) {
            throw new IllegalArgumentException("a signup finished with the account alone names no number");
        }
        sharedWabaIds = sharedWabaIds.stream()
                .filter(id -> !id.equals(wabaId))
                .distinct()
                .toList();
    }

    /** A signup finished with a number ({@link SignupFinish#FINISH}), sharing these accounts too. */
    public SignupAccount(
            MetaId wabaId, MetaId phoneNumberId, MetaId businessId, WebUrl redirectUrl, List<MetaId> sharedWabaIds) {
        this(SignupFinish.FINISH, wabaId, phoneNumberId, businessId, redirectUrl, sharedWabaIds);
    }

    /** A signup of one account, finished with a number ({@link SignupFinish#FINISH}). */
    public SignupAccount(MetaId wabaId, MetaId phoneNumberId, MetaId businessId, WebUrl redirectUrl) {
        this(wabaId, phoneNumberId, businessId, redirectUrl, List.of());
    }
}
