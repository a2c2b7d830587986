package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.out.MetaPhoneNumbers.CodeMethod;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Meta sends one of the tenant's numbers a verification code, by SMS or voice call, at the tenant's
 * request; when is recorded on the number. Refused for a number that has nothing to verify: one
 * registered for the Cloud API already, or a WhatsApp Business app's.
 */
public interface RequestVerificationCodeUseCase {

    /** A language of Meta's verification message: {@code en}, {@code en_US}, {@code pt_BR}... */
    Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    NumberStepResult requestCode(Command command);

    record Command(TenantId tenantId, Actor actor, MetaId phoneNumberId, CodeMethod method, String language) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(phoneNumberId, "phoneNumberId");
            Objects.requireNonNull(method, "method");
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("a language such as en_US");
            }
        }
    }
}
