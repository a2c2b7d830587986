package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import java.util.Set;

/**
 * What a health check asks Meta. Each call either answers or throws
 * {@link MetaCallFailedException} saying how it failed; calls are throttled by the adapter.
 */
public interface MetaHealth {

    /**
     * {@code debug_token} for the tenant's token, asked with the app token of the tenant's own app
     * when {@code tenantApp} has its id and secret, else the platform's.
     */
    TokenFacts inspect(Secret token, AppCredentials tenantApp);

    /** One number's status, quality rating and name status; unknown when Meta has no such number for the token. */
    NumberFacts phoneNumber(MetaId phoneNumberId, Secret token);

    /** The numbers the WhatsApp Business Account has now. */
    Set<MetaId> accountNumbers(MetaId wabaId, Secret token);

    /** A new token for {@code token}, extended by Meta ({@code fb_exchange_token}) with the tenant's app, else the platform's. */
    AccessGrant extend(Secret token, AppCredentials tenantApp);

    /** The platform's own Meta app: a token without an app of the tenant's must belong to it. */
    MetaId platformApp();
}
