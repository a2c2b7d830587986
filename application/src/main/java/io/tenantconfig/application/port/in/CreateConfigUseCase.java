package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.SettingsUpdate;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** A tenant sets up its configuration by hand, with any of its settings (none included). */
public interface CreateConfigUseCase {

    Result create(Command command);

    record Command(TenantId tenantId, Actor actor, SettingsUpdate initialValues) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(initialValues, "initialValues");
        }
    }

    sealed interface Result {

        <R> R match(Function<TenantConfig, R> created, Supplier<R> alreadyExists, Function<Refusal, R> refused);

        record Created(TenantConfig config) implements Result {
            @Override
            public <R> R match(
                    Function<TenantConfig, R> created, Supplier<R> alreadyExists, Function<Refusal, R> refused) {
                return created.apply(config);
            }
        }

        /** The tenant has a configuration already; nothing was stored. */
        record AlreadyExists() implements Result {
            @Override
            public <R> R match(
                    Function<TenantConfig, R> created, Supplier<R> alreadyExists, Function<Refusal, R> refused) {
                return alreadyExists.get();
            }
        }

        /** The initial values break a rule (a number or account another tenant has); nothing was stored. */
        record Refused(Refusal refusal) implements Result {
            @Override
            public <R> R match(
                    Function<TenantConfig, R> created, Supplier<R> alreadyExists, Function<Refusal, R> refused) {
                return refused.apply(refusal);
            }
        }
    }
}
