package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.profile.BusinessProfile;
import io.tenantconfig.domain.profile.ProfileChange;

/**
 * Meta's side of a number's business profile: read it, change it, with the number's account's
 * token. Each call succeeds or throws {@link MetaCallFailedException} saying how it failed.
 */
public interface MetaBusinessProfiles {

    /** The profile as Meta shows it ({@code GET /{phone_number_id}/whatsapp_business_profile}). */
    BusinessProfile read(MetaId phoneNumberId, Secret token);

    /** Sets the fields {@code change} gives ({@code POST /{phone_number_id}/whatsapp_business_profile}). */
    void change(MetaId phoneNumberId, ProfileChange change, Secret token);
}
