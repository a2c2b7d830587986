package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One button of a template's {@code BUTTONS} component, as Meta's creation body writes it. Each
 * field is {@code null} when left out; which a button of each kind needs is {@link TemplateDraftRules}'.
 *
 * @param example a URL button's sample for its parameter, or a copy-code button's sample code
 * @param otpType an authentication template's one-time-password button: how the code is given
 */
public record TemplateButton(
        Kind type, String text, String url, String phoneNumber, List<String> example, String otpType) {

    public TemplateButton {
        Objects.requireNonNull(type, "type");
        // A copy that keeps a null sample, for the rules to refuse by field.
        example = example == null ? null : Collections.unmodifiableList(new ArrayList<>(example));
    }

    public enum Kind {
        QUICK_REPLY,
        URL,
        PHONE_NUMBER,
        COPY_CODE,
        OTP;

        /** @throws InvalidValueException unless one of the kinds this service checks, upper or lower case */
        public static Kind parse(String value) {
            return DraftComponent.parse(Kind.class, value);
        }
    }
}
