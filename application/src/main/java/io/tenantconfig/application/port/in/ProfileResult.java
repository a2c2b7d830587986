package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.profile.BusinessProfile;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How reading or changing a number's business profile ended: the profile shown; no configuration;
 * refused before Meta was asked (not the tenant's number, no token); or Meta failed and nothing was
 * kept to answer with.
 */
public sealed interface ProfileResult {

    <R> R match(
            Function<Shown, R> shown,
            Supplier<R> notFound,
            Function<Refusal, R> refused,
            Function<MetaFailure, R> metaFailed);

    /**
     * The profile of {@code phoneNumberId} as Meta answered at {@code readAt}. {@code notReadNow}
     * is {@code null} when Meta answered just now; otherwise why it did not, and the profile is the
     * one kept from its last answer.
     */
    record Shown(MetaId phoneNumberId, BusinessProfile profile, Instant readAt, MetaFailure notReadNow)
            implements ProfileResult {
        public Shown {
            Objects.requireNonNull(phoneNumberId, "phoneNumberId");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(readAt, "readAt");
        }

        @Override
        public <R> R match(
                Function<Shown, R> shown,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailure, R> metaFailed) {
            return shown.apply(this);
        }
    }

    record NotFound() implements ProfileResult {
        @Override
        public <R> R match(
                Function<Shown, R> shown,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailure, R> metaFailed) {
            return notFound.get();
        }
    }

    record Refused(Refusal refusal) implements ProfileResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R match(
                Function<Shown, R> shown,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailure, R> metaFailed) {
            return refused.apply(refusal);
        }
    }

    record MetaFailed(MetaFailure failure) implements ProfileResult {
        public MetaFailed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public <R> R match(
                Function<Shown, R> shown,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailure, R> metaFailed) {
            return metaFailed.apply(failure);
        }
    }
}
