package io.tenantconfig.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Meta's limits on a business profile, held before Meta is asked (Business Profiles reference,
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles).
 */
class ProfileChangeTest {

    @Test
    void about_is_one_to_139_characters() {
        assertThat(ProfileChange.about("a".repeat(139))).hasSize(139);
        assertThatThrownBy(() -> ProfileChange.about("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ProfileChange.about("a".repeat(140))).hasMessage("must be 1 to 139 characters");
    }

    @Test
    void address_description_and_email_have_metas_lengths_and_may_be_emptied() {
        assertThat(ProfileChange.address("")).isEmpty();
        assertThatThrownBy(() -> ProfileChange.address("a".repeat(257))).hasMessage("must be at most 256 characters");
        assertThat(ProfileChange.description("d".repeat(512))).hasSize(512);
        assertThatThrownBy(() -> ProfileChange.description("d".repeat(513)))
                .hasMessage("must be at most 512 characters");
        assertThat(ProfileChange.email("")).isEmpty();
        assertThatThrownBy(() -> ProfileChange.email("x".repeat(120) + "@a.example"))
                .hasMessage("must be at most 128 characters");
    }

    @Test
    void an_email_is_an_address() {
        assertThat(ProfileChange.email("lucky@luckyshrub.com")).isEqualTo("lucky@luckyshrub.com");
        assertThatThrownBy(() -> ProfileChange.email("lucky at luckyshrub")).hasMessageContaining("email address");
    }

    @Test
    void a_website_starts_with_http_or_https_and_is_at_most_256_characters() {
        assertThat(ProfileChange.website("https://www.luckyshrub.com/deals")).startsWith("https://");
        assertThat(ProfileChange.website("http://luckyshrub.com")).startsWith("http://");
        for (String refused : List.of(
                "www.luckyshrub.com", "ftp://luckyshrub.com", "https://", "https://" + "a".repeat(250) + ".com")) {
            assertThatThrownBy(() -> ProfileChange.website(refused))
                    .as(refused)
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void the_vertical_is_one_of_metas() {
        assertThat(BusinessVertical.parse("PROF_SERVICES")).isEqualTo(BusinessVertical.PROF_SERVICES);
        assertThatThrownBy(() -> BusinessVertical.parse("retail")).hasMessageContaining("RESTAURANT");
    }

    @Test
    void a_change_names_the_fields_it_sets_in_metas_order_and_applies_only_those() {
        ProfileChange change = new ProfileChange("Hi", null, null, null, List.of(), BusinessVertical.RETAIL);
        BusinessProfile before =
                new BusinessProfile("Old", "Street 1", null, null, List.of("https://a.example"), "OTHER", "pic");

        assertThat(change.fields()).containsExactly("about", "websites", "vertical");
        assertThat(before.with(change))
                .isEqualTo(new BusinessProfile("Hi", "Street 1", null, null, List.of(), "RETAIL", "pic"));
        assertThat(new ProfileChange(null, null, null, null, null, null).isEmpty())
                .isTrue();
    }
}
