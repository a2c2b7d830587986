package io.tenantconfig.domain.template;

import io.tenantconfig.domain.template.DraftComponent.HeaderFormat;
import io.tenantconfig.domain.template.DraftComponent.Type;
import io.tenantconfig.domain.template.TemplateButton.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Meta refuses in a template it is asked to create, checked before it is asked, so a caller
 * learns of every mistake at once and by field, not from Meta's first complaint after a round
 * trip. The rules are Meta's "Template components" reference
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components):
 * one body and at most one header, footer and set of buttons; a text header of at most 60
 * characters and one parameter, a body of at most 1,024, a footer of at most 60 without
 * parameters; a sample for every parameter; at most 10 buttons, of which at most 2 URL buttons, 1
 * phone number and 1 copy-code button, quick replies side by side, each button's text at most 25
 * characters; and an authentication template's fixed shape (Meta writes its text: a body without
 * text, a footer that only says how long the code lasts, one one-time-password button).
 * What only Meta can judge (its review, a name already taken) is left to Meta.
 */
public final class TemplateDraftRules {

    public static final int HEADER_TEXT_MOST = 60;
    public static final int BODY_TEXT_MOST = 1024;
    public static final int FOOTER_TEXT_MOST = 60;
    public static final int BUTTONS_MOST = 10;
    public static final int BUTTON_TEXT_MOST = 25;
    public static final int URL_MOST = 2000;
    public static final int PHONE_NUMBER_MOST = 20;
    public static final int COPY_CODE_EXAMPLE_MOST = 15;
    public static final int CODE_EXPIRATION_MOST = 90;

    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern POSITION = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{4,19}");
    private static final Map<Kind, Integer> MOST_OF_KIND = new EnumMap<>(Map.of(
            Kind.URL, 2,
            Kind.PHONE_NUMBER, 1,
            Kind.COPY_CODE, 1,
            Kind.OTP, 1));
    private static final Set<String> OTP_TYPES = Set.of("COPY_CODE", "ONE_TAP", "ZERO_TAP");

    private TemplateDraftRules() {}

    /** Every refusal Meta would give {@code draft}, by field; empty when it would take it for review. */
    public static List<DraftProblem> problems(TemplateDraft draft) {
        Check check = new Check(draft.parameterFormat());
        List<DraftComponent> components = draft.components();
        if (components.isEmpty()) {
            check.add("components", "components must hold at least the BODY");
            return check.found;
        }
        Map<Type, Integer> seen = new EnumMap<>(Type.class);
        for (int i = 0; i < components.size(); i++) {
            DraftComponent component = components.get(i);
            String at = "components[" + i + "]";
            if (seen.merge(component.type(), 1, Integer::sum) > 1) {
                check.add(at + ".type", "a template has at most one " + component.type() + " component");
                continue;
            }
            boolean authentication = draft.category() == TemplateCategory.AUTHENTICATION;
            switch (component.type()) {
                case HEADER -> check.header(at, component, authentication);
                case BODY -> check.body(at, component, authentication);
                case FOOTER -> check.footer(at, component, authentication);
                case BUTTONS -> check.buttons(at, component, authentication);
            }
        }
        if (!seen.containsKey(Type.BODY)) {
            check.add("components", "components must hold a BODY");
        }
        if (draft.category() == TemplateCategory.AUTHENTICATION && !seen.containsKey(Type.BUTTONS)) {
            check.add("components", "an AUTHENTICATION template needs a BUTTONS component with one OTP button");
        }
        return check.found;
    }

    /** The parameters written in {@code text} ({@code 1}, {@code first_name}), in order of appearance. */
    public static List<String> parameters(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The refusals found so far, and the checks that add to them. */
    private static final class Check {

        private final ParameterFormat format;
        private final List<DraftProblem> found = new ArrayList<>();

        Check(ParameterFormat format) {
            this.format = format;
        }

        void add(String field, String message) {
            found.add(new DraftProblem(field, message));
        }

        void header(String at, DraftComponent header, boolean authentication) {
            noneOfAuthentications(at, header);
            if (authentication) {
                add(at + ".type", "an AUTHENTICATION template has no HEADER");
                return;
            }
            noButtons(at, header);
            if (header.format() == null) {
                add(
                        at + ".format",
                        at + ".format is required for a HEADER: TEXT, IMAGE, VIDEO, GIF, DOCUMENT or LOCATION");
                return;
            }
            TemplateExample example = header.example() == null ? TemplateExample.NONE : header.example();
            if (header.format() == HeaderFormat.TEXT) {
                if (text(at, header.text(), HEADER_TEXT_MOST)) {
                    List<String> parameters = parameters(header.text());
                    if (parameters.size() > 1) {
                        add(at + ".text", "a text header holds at most one parameter");
                    } else {
                        samples(at, parameters, example.headerText(), example.headerTextNamedParams(), "header_text");
                    }
                }
                mustNotHave(at + ".example.header_handle", example.headerHandle(), "is for a media header");
                mustNotHave(at + ".example.body_text", example.bodyText(), "is for the BODY");
                mustNotHave(at + ".example.body_text_named_params", example.bodyTextNamedParams(), "is for the BODY");
                return;
            }
            if (header.text() != null) {
                add(at + ".text", "a " + header.format() + " header has no text");
            }
            if (header.format().media()) {
                List<String> handle = example.headerHandle();
                if (handle == null || handle.size() != 1 || blank(handle.get(0))) {
                    add(
                            at + ".example.header_handle",
                            "a " + header.format() + " header needs example.header_handle: the handle of one sample"
                                    + " file uploaded to Meta");
                }
            } else {
                mustNotHave(at + ".example", header.example(), "is not taken by a LOCATION header");
            }
        }

        void body(String at, DraftComponent body, boolean authentication) {
            noButtons(at, body);
            if (body.codeExpirationMinutes() != null) {
                add(
                        at + ".code_expiration_minutes",
                        "code_expiration_minutes belongs in an AUTHENTICATION template's FOOTER");
            }
            if (body.format() != null) {
                add(at + ".format", "only a HEADER has a format");
            }
            if (authentication) {
                if (body.text() != null) {
                    add(at + ".text", "Meta writes an AUTHENTICATION template's body itself: leave text out");
                }
                mustNotHave(at + ".example", body.example(), "is not taken by an AUTHENTICATION template's body");
                return;
            }
            if (body.addSecurityRecommendation() != null) {
                add(at + ".add_security_recommendation", "add_security_recommendation is for AUTHENTICATION templates");
            }
            if (!text(at, body.text(), BODY_TEXT_MOST)) {
                return;
            }
            List<String> parameters = parameters(body.text());
            String trimmed = body.text().strip();
            if (!parameters.isEmpty() && (trimmed.startsWith("{{") || trimmed.endsWith("}}"))) {
                add(at + ".text", "a parameter may not start or end the body: put text before and after it");
            }
            TemplateExample example = body.example() == null ? TemplateExample.NONE : body.example();
            List<String> positional =
                    example.bodyText() == null || example.bodyText().isEmpty()
                            ? null
                            : example.bodyText().get(0);
            if (example.bodyText() != null && example.bodyText().size() > 1) {
                add(at + ".example.body_text", "body_text holds one list of samples");
            }
            samples(at, parameters, positional, example.bodyTextNamedParams(), "body_text");
            mustNotHave(at + ".example.header_text", example.headerText(), "is for a HEADER");
            mustNotHave(at + ".example.header_handle", example.headerHandle(), "is for a HEADER");
        }

        void footer(String at, DraftComponent footer, boolean authentication) {
            noButtons(at, footer);
            if (footer.format() != null) {
                add(at + ".format", "only a HEADER has a format");
            }
            if (footer.addSecurityRecommendation() != null) {
                add(at + ".add_security_recommendation", "add_security_recommendation belongs in the BODY");
            }
            mustNotHave(at + ".example", footer.example(), "is not taken by a FOOTER: it has no parameters");
            if (authentication) {
                if (footer.text() != null) {
                    add(at + ".text", "an AUTHENTICATION template's footer has no text, only code_expiration_minutes");
                }
                Integer minutes = footer.codeExpirationMinutes();
                if (minutes == null || minutes < 1 || minutes > CODE_EXPIRATION_MOST) {
                    add(
                            at + ".code_expiration_minutes",
                            "code_expiration_minutes must be 1 to " + CODE_EXPIRATION_MOST);
                }
                return;
            }
            if (footer.codeExpirationMinutes() != null) {
                add(at + ".code_expiration_minutes", "code_expiration_minutes is for AUTHENTICATION templates");
            }
            if (text(at, footer.text(), FOOTER_TEXT_MOST)
                    && !parameters(footer.text()).isEmpty()) {
                add(at + ".text", "a footer has no parameters");
            }
        }

        void buttons(String at, DraftComponent component, boolean authentication) {
            noneOfAuthentications(at, component);
            if (component.text() != null) {
                add(at + ".text", "a BUTTONS component has no text of its own: each button has");
            }
            if (component.format() != null) {
                add(at + ".format", "only a HEADER has a format");
            }
            mustNotHave(at + ".example", component.example(), "belongs to each button");
            List<TemplateButton> buttons = component.buttons();
            if (buttons == null || buttons.isEmpty() || buttons.size() > BUTTONS_MOST) {
                add(at + ".buttons", "buttons must hold 1 to " + BUTTONS_MOST + " buttons");
                return;
            }
            if (authentication && (buttons.size() != 1 || buttons.get(0).type() != Kind.OTP)) {
                add(at + ".buttons", "an AUTHENTICATION template has exactly one button, of type OTP");
                return;
            }
            Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
            boolean repliesEnded = false;
            boolean repliesSeen = false;
            for (int j = 0; j < buttons.size(); j++) {
                TemplateButton button = buttons.get(j);
                String field = at + ".buttons[" + j + "]";
                int count = kinds.merge(button.type(), 1, Integer::sum);
                Integer most = MOST_OF_KIND.get(button.type());
                if (most != null && count > most) {
                    add(
                            field + ".type",
                            "a template has at most " + most + " " + button.type() + " button" + (most > 1 ? "s" : ""));
                }
                if (button.type() == Kind.QUICK_REPLY) {
                    if (repliesEnded) {
                        add(field + ".type", "QUICK_REPLY buttons go side by side, not between other buttons");
                    }
                    repliesSeen = true;
                } else if (repliesSeen) {
                    repliesEnded = true;
                }
                button(field, button, authentication);
            }
        }

        private void button(String at, TemplateButton button, boolean authentication) {
            if (button.type() == Kind.OTP && !authentication) {
                add(at + ".type", "OTP buttons are for AUTHENTICATION templates");
            }
            if (button.type() != Kind.COPY_CODE) {
                text(at, button.text(), BUTTON_TEXT_MOST);
            }
            if (button.type() != Kind.URL) {
                mustNotHave(at + ".url", button.url(), "is for a URL button");
            }
            if (button.type() != Kind.PHONE_NUMBER) {
                mustNotHave(at + ".phone_number", button.phoneNumber(), "is for a PHONE_NUMBER button");
            }
            if (button.type() != Kind.OTP) {
                mustNotHave(at + ".otp_type", button.otpType(), "is for an OTP button");
            }
            switch (button.type()) {
                case QUICK_REPLY ->
                    mustNotHave(at + ".example", button.example(), "is not taken by a QUICK_REPLY button");
                case URL -> url(at, button);
                case PHONE_NUMBER -> {
                    mustNotHave(at + ".example", button.example(), "is not taken by a PHONE_NUMBER button");
                    if (button.phoneNumber() == null
                            || button.phoneNumber().length() > PHONE_NUMBER_MOST
                            || !PHONE.matcher(button.phoneNumber()).matches()) {
                        add(
                                at + ".phone_number",
                                "phone_number is required: the number to call with its country code, at most "
                                        + PHONE_NUMBER_MOST + " characters, e.g. \"+15550100\"");
                    }
                }
                case COPY_CODE -> {
                    List<String> example = button.example();
                    if (example == null
                            || example.size() != 1
                            || blank(example.get(0))
                            || example.get(0).length() > COPY_CODE_EXAMPLE_MOST) {
                        add(
                                at + ".example",
                                "a COPY_CODE button needs one sample code of at most " + COPY_CODE_EXAMPLE_MOST
                                        + " characters in example");
                    }
                }
                case OTP -> {
                    mustNotHave(at + ".example", button.example(), "is not taken by an OTP button");
                    if (button.otpType() == null || !OTP_TYPES.contains(button.otpType())) {
                        add(at + ".otp_type", "otp_type must be COPY_CODE, ONE_TAP or ZERO_TAP");
                    }
                }
            }
        }

        private void url(String at, TemplateButton button) {
            String url = button.url();
            if (url == null || url.length() > URL_MOST || !WEB_URL.matcher(url).matches()) {
                add(
                        at + ".url",
                        "url is required: an http:// or https:// address of at most " + URL_MOST + " characters");
                return;
            }
            List<String> parameters = parameters(url);
            if (parameters.isEmpty()) {
                mustNotHave(at + ".example", button.example(), "is for a URL with a parameter");
                return;
            }
            if (parameters.size() > 1 || !url.endsWith("}}")) {
                add(at + ".url", "a URL holds at most one parameter, at its end");
                return;
            }
            if (format == ParameterFormat.POSITIONAL && !"1".equals(parameters.get(0))) {
                add(at + ".url", "a URL's parameter is {{1}}");
            }
            List<String> example = button.example();
            if (example == null || example.size() != 1 || blank(example.get(0))) {
                add(at + ".example", "a URL with a parameter needs one sample URL in example");
            }
        }

        /** The sample values of {@code parameters}, positional or named as the draft's format says. */
        private void samples(
                String at,
                List<String> parameters,
                List<String> positional,
                List<TemplateExample.NamedExample> named,
                String kind) {
            String field = at + ".example." + kind;
            String namedField = field + "_named_params";
            if (format == ParameterFormat.POSITIONAL) {
                mustNotHave(namedField, named, "is for parameter_format NAMED");
                for (int i = 0; i < parameters.size(); i++) {
                    if (!String.valueOf(i + 1).equals(parameters.get(i))
                            || !POSITION.matcher(parameters.get(i)).matches()) {
                        add(
                                at + ".text",
                                "positional parameters are {{1}}, {{2}}... in order, each once"
                                        + (NAME.matcher(parameters.get(i)).matches()
                                                ? " (named ones need parameter_format NAMED)"
                                                : ""));
                        return;
                    }
                }
                if (parameters.isEmpty()) {
                    mustNotHave(field, positional, "is for text with parameters");
                } else if (positional == null
                        || positional.size() != parameters.size()
                        || positional.stream().anyMatch(TemplateDraftRules::blank)) {
                    add(
                            field,
                            field.substring(field.lastIndexOf('.') + 1) + " must give a sample for each of the "
                                    + parameters.size() + " parameter" + (parameters.size() > 1 ? "s" : "")
                                    + ", in order");
                }
                return;
            }
            mustNotHave(field, positional, "is for parameter_format POSITIONAL");
            Set<String> names = new LinkedHashSet<>();
            for (String parameter : parameters) {
                if (!NAME.matcher(parameter).matches()) {
                    add(
                            at + ".text",
                            "named parameters are lowercase letters, digits and underscores, starting with a"
                                    + " letter, e.g. {{first_name}}");
                    return;
                }
                if (!names.add(parameter)) {
                    add(at + ".text", "each named parameter appears once");
                    return;
                }
            }
            if (names.isEmpty()) {
                mustNotHave(namedField, named, "is for text with parameters");
                return;
            }
            Set<String> sampled = new LinkedHashSet<>();
            boolean complete = named != null;
            if (named != null) {
                for (TemplateExample.NamedExample sample : named) {
                    complete &= sample != null && !blank(sample.example()) && sampled.add(sample.paramName());
                }
            }
            if (!complete || !sampled.equals(names)) {
                add(
                        namedField,
                        namedField.substring(namedField.lastIndexOf('.') + 1) + " must give one sample for each of "
                                + String.join(", ", names));
            }
        }

        /** Whether {@code text} is given and within {@code most} characters; refused otherwise. */
        private boolean text(String at, String text, int most) {
            if (text == null || text.isBlank()) {
                add(at + ".text", "text is required");
                return false;
            }
            if (text.codePointCount(0, text.length()) > most) {
                add(at + ".text", "text must be at most " + most + " characters");
                return false;
            }
            return true;
        }

        private void noButtons(String at, DraftComponent component) {
            mustNotHave(at + ".buttons", component.buttons(), "belong in the BUTTONS component");
        }

        private void noneOfAuthentications(String at, DraftComponent component) {
            if (component.addSecurityRecommendation() != null) {
                add(at + ".add_security_recommendation", "add_security_recommendation belongs in the BODY");
            }
            if (component.codeExpirationMinutes() != null) {
                add(at + ".code_expiration_minutes", "code_expiration_minutes belongs in the FOOTER");
            }
        }

        private void mustNotHave(String field, Object value, String why) {
            if (value != null) {
                add(field, field.substring(field.lastIndexOf('.') + 1) + " " + why);
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
