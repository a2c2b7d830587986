package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whether a webhook body comes from Meta: its {@code X-Hub-Signature-256} must be the HMAC-SHA256
 * of the raw body bytes with the secret of the app that sent it. On a tenant's URL that is the
 * tenant's own app secret when it has its own app, else the platform's; on the app-level URL the
 * platform's. The platform's secret is {@code FB_APP_SECRET}, and, while a rotation is under way,
 * each of {@code FB_APP_SECRET_PREVIOUS} (comma-separated). Nothing is read from the body before
 * it is authenticated.
 */
public interface AuthenticateWebhookUseCase {

    /**
     * @param key the tenant's webhook key; empty for the app-level URL
     * @param signature the header's value as sent ({@code sha256=<64 hex digits>}); may be null
     */
    Authentication authenticate(Optional<String> key, byte[] body, String signature);

    /** Who may be trusted to have sent a body. */
    sealed interface Authentication {

        <R> R match(Function<Sender, R> authentic, Supplier<R> unknownKey, Function<String, R> forged);

        /** Signed with a secret it should be signed with. */
        record Authentic(Sender sender) implements Authentication {
            @Override
            public <R> R match(Function<Sender, R> authentic, Supplier<R> unknownKey, Function<String, R> forged) {
                return authentic.apply(sender);
            }
        }

        /** No configuration has this webhook key. */
        record UnknownKey() implements Authentication {
            @Override
            public <R> R match(Function<Sender, R> authentic, Supplier<R> unknownKey, Function<String, R> forged) {
                return unknownKey.get();
            }
        }

        /** The signature is missing, malformed, or not made with any secret that applies: {@code why} says which, never a secret. */
        record Forged(String why) implements Authentication {
            @Override
            public <R> R match(Function<Sender, R> authentic, Supplier<R> unknownKey, Function<String, R> forged) {
                return forged.apply(why);
            }
        }
    }

    /**
     * Whose secret signed the body. {@code onlyFor} is the tenant whose own app secret it was:
     * such a body may only speak for that tenant (its secret is known outside the platform), so
     * its changes for anyone else's numbers are not routed. Empty for the platform's app, which
     * speaks for every tenant.
     */
    record Sender(Optional<TenantId> onlyFor) {

        public static final Sender PLATFORM = new Sender(Optional.empty());

        public Sender {
            Objects.requireNonNull(onlyFor, "onlyFor");
        }
    }
}
