package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;

/** Meta's synchronisation of a WhatsApp Business app's data, for a number onboarded alongside the app. */
public interface MetaAppData {

    /**
     * Asks Meta to synchronise the app's data of {@code kind} for the number, with the token of its
     * account. Meta accepts each once, within 24 hours of the signup.
     *
     * @return the id Meta gave the request (its {@code request_id}), for Meta's support
     * @throws MetaCallFailedException when Meta refused it or could not be reached
     */
    String requestSync(MetaId phoneNumberId, AppDataSync.Kind kind, Secret token);
}
