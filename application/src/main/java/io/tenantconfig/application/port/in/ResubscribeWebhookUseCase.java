package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Subscribes the app to the tenant's WhatsApp Business Accounts again, with the tenant's callback
 * URL as the override (what onboarding does when {@code PUBLIC_BASE_URL} is set): after the
 * tenant changed its verify token, or when Meta stopped sending. Each account subscribed records
 * when it was, audited as {@code actor}'s.
 */
public interface ResubscribeWebhookUseCase {

    Result resubscribe(TenantId tenantId, Actor actor);

    sealed interface Result {

        <R> R match(
                Function<String, R> subscribed,
                Supplier<R> notFound,
                Function<String, R> notReady,
                Function<MetaFailed, R> metaFailed);

        /** Meta accepted the subscription; {@code callbackUrl} is where it now sends the tenant's changes. */
        record Subscribed(String callbackUrl) implements Result {
            @Override
            public <R> R match(
                    Function<String, R> subscribed,
                    Supplier<R> notFound,
                    Function<String, R> notReady,
                    Function<MetaFailed, R> metaFailed) {
                return subscribed.apply(callbackUrl);
            }
        }

        record NotFound() implements Result {
            @Override
            public <R> R match(
                    Function<String, R> subscribed,
                    Supplier<R> notFound,
                    Function<String, R> notReady,
                    Function<MetaFailed, R> metaFailed) {
                return notFound.get();
            }
        }

        /** Something the subscription needs is missing (a token, the account, a public base URL, a verify token): {@code why}. */
        record NotReady(String why) implements Result {
            @Override
            public <R> R match(
                    Function<String, R> subscribed,
                    Supplier<R> notFound,
                    Function<String, R> notReady,
                    Function<MetaFailed, R> metaFailed) {
                return notReady.apply(why);
            }
        }

        /**
         * Meta refused or did not answer for the account {@code wabaId}; the accounts in
         * {@code subscribed} were subscribed before it, and are recorded so.
         */
        record MetaFailed(MetaFailure failure, String wabaId, List<String> subscribed) implements Result {
            public MetaFailed {
                Objects.requireNonNull(failure, "failure");
                Objects.requireNonNull(wabaId, "wabaId");
                subscribed = List.copyOf(subscribed);
            }

            @Override
            public <R> R match(
                    Function<String, R> subscribed,
                    Supplier<R> notFound,
                    Function<String, R> notReady,
                    Function<MetaFailed, R> metaFailed) {
                return metaFailed.apply(this);
            }
        }
    }
}
