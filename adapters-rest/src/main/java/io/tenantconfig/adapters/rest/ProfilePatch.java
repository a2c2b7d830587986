package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.FieldUpdate;
import io.tenantconfig.domain.profile.BusinessVertical;
import io.tenantconfig.domain.profile.ProfileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The body of {@code PATCH /config/phone-numbers/{id}/profile}: each field left out (kept as Meta
 * has it) or set, within Meta's limits ({@link ProfileChange}). Meta keeps a value it was given:
 * {@code null} is refused (an empty string empties {@code address}, {@code description} and
 * {@code email}; {@code websites: []} removes every website). {@code profile_picture_url} is
 * Meta's to set.
 */
@BodyFields(
        of = "a business profile change",
        readOnly = {"profile_picture_url", "phone_number_id", "read_at", "source", "meta_error"})
record ProfilePatch(
        @JsonProperty("about") FieldUpdate<String> about,
        @JsonProperty("address") FieldUpdate<String> address,
        @JsonProperty("description") FieldUpdate<String> description,
        @JsonProperty("email") FieldUpdate<String> email,
        @JsonProperty("websites") List<String> websites,
        @JsonProperty("vertical") FieldUpdate<String> vertical) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    ProfileChange toChange() {
        FieldErrors errors = new FieldErrors();
        String newAbout = given(errors, "about", about, ProfileChange::about);
        String newAddress = given(errors, "address", address, ProfileChange::address);
        String newDescription = given(errors, "description", description, ProfileChange::description);
        String newEmail = given(errors, "email", email, ProfileChange::email);
        BusinessVertical newVertical = given(errors, "vertical", vertical, BusinessVertical::parse);
        List<String> newWebsites = null;
        if (websites != null) {
            if (websites.size() > ProfileChange.WEBSITES_MOST) {
                errors.add("websites", "websites holds at most " + ProfileChange.WEBSITES_MOST + " addresses");
            }
            newWebsites = new ArrayList<>();
            for (int i = 0; i < websites.size(); i++) {
                String website = errors.required("websites[" + i + "]", websites.get(i), ProfileChange::website);
                newWebsites.add(website);
            }
        }
        errors.throwIfAny();
        ProfileChange change =
                new ProfileChange(newAbout, newAddress, newDescription, newEmail, newWebsites, newVertical);
        if (change.isEmpty()) {
            errors.add(
                    "body", "give at least one of about, address, description, email, websites or vertical to change");
            errors.throwIfAny();
        }
        return change;
    }

    private static <T> T given(FieldErrors errors, String field, FieldUpdate<String> value, Function<String, T> parse) {
        if (value == null || (!value.clears() && value.newValue().isEmpty())) {
            return null;
        }
        if (value.clears()) {
            errors.add(
                    field,
                    field + " cannot be null: Meta keeps a value once given; leave " + field + " out to keep it");
            return null;
        }
        return errors.required(field, value.newValue().get(), parse);
    }
}
