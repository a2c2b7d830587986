package io.tenantconfig.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tenantconfig.adapters.meta.MetaCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.profile.BusinessProfile;
import io.tenantconfig.domain.profile.BusinessVertical;
import io.tenantconfig.domain.profile.ProfileChange;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading and changing a business profile against a fake Graph API answering with the examples of
 * Meta's Business Profiles reference
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles and
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/business-profiles).
 */
class GraphApiMetaBusinessProfilesTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Secret TOKEN = Secret.of(SecretValues.secret("EAAG-business-token-profiles-31"));
    private static final MetaId NUMBER = MetaId.parse("1906385232743451");
    private static final String PROFILE = "/v23.0/" + NUMBER + "/whatsapp_business_profile";

    private static GraphApiMetaBusinessProfiles meta() {
        return new GraphApiMetaBusinessProfiles(new GraphApiSettings(
                URI.create(GRAPH.baseUrl()),
                "v23.0",
                MetaId.parse("1234567890"),
                Secret.of(SecretValues.secret("app-secret-profiles-7b2e")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60)));
    }

    @Test
    void the_profile_is_read_with_every_field_as_metas_example_answers_it() {
        GRAPH.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("""
                        {"data": [{
                          "about": "My Butterfly Business sells butterflies",
                          "address": "101 Butterfly Ln., Butterfly, Ohio",
                          "description": "We sell butterflies.",
                          "email": "butterflies@butterflies.com",
                          "messaging_product": "whatsapp",
                          "profile_picture_url": "2:c2FtcGxl...",
                          "websites": ["https://www.butterflies.com/", "https://www.butterflies.com/amea/"],
                          "vertical": "INDUSTRY"}]}
                        """)));

        BusinessProfile profile = meta().read(NUMBER, TOKEN);

        assertThat(profile)
                .isEqualTo(new BusinessProfile(
                        "My Butterfly Business sells butterflies",
                        "101 Butterfly Ln., Butterfly, Ohio",
                        "We sell butterflies.",
                        "butterflies@butterflies.com",
                        List.of("https://www.butterflies.com/", "https://www.butterflies.com/amea/"),
                        "INDUSTRY",
                        "2:c2FtcGxl..."));
        GRAPH.verify(getRequestedFor(urlPathEqualTo(PROFILE))
                .withQueryParam(
                        "fields", equalTo("about,address,description,email,profile_picture_url,websites,vertical"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal())));
    }

    @Test
    void a_profile_meta_has_nothing_in_yet_is_empty_not_a_failure() {
        GRAPH.stubFor(
                get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"data\": [{\"messaging_product\": \"whatsapp\"}]}")));

        assertThat(meta().read(NUMBER, TOKEN)).isEqualTo(BusinessProfile.EMPTY);
    }

    @Test
    void an_answer_without_a_profile_is_metas_failure() {
        GRAPH.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"data\": []}")));

        assertThat(failureOf(() -> meta().read(NUMBER, TOKEN)).kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }

    @Test
    void only_the_fields_changed_are_sent_with_the_messaging_product() {
        GRAPH.stubFor(post(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"success\": true}")));

        meta().change(
                        NUMBER,
                        new ProfileChange(
                                "Succulent specialists!",
                                null,
                                null,
                                "lucky@luckyshrub.com",
                                List.of("https://www.luckyshrub.com"),
                                BusinessVertical.RETAIL),
                        TOKEN);

        GRAPH.verify(postRequestedFor(urlPathEqualTo(PROFILE))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withRequestBody(equalToJson("""
                        {"messaging_product": "whatsapp", "about": "Succulent specialists!",
                         "email": "lucky@luckyshrub.com", "websites": ["https://www.luckyshrub.com"],
                         "vertical": "RETAIL"}
                        """)));
    }

    @Test
    void metas_refusal_of_a_change_comes_back_in_its_words() {
        GRAPH.stubFor(post(urlPathEqualTo(PROFILE))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"message\": \"(#100) Invalid parameter\", \"type\": \"OAuthException\","
                                        + " \"code\": 100, \"error_data\": {\"messaging_product\": \"whatsapp\","
                                        + " \"details\": \"Param websites[0] must be a valid URL\"},"
                                        + " \"fbtrace_id\": \"AQ8vXk3Zq\"}}")));

        MetaFailure failure = failureOf(() -> meta().change(
                        NUMBER, new ProfileChange(null, null, null, null, List.of("https://x.example"), null), TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.message()).isEqualTo("(#100) Invalid parameter");
        assertThat(failure.fbtraceId()).isEqualTo("AQ8vXk3Zq");
    }

    @Test
    void meta_answering_anything_but_success_to_a_change_is_a_failure() {
        GRAPH.stubFor(post(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"success\": false}")));

        assertThat(failureOf(() -> meta().change(NUMBER, new ProfileChange("Hi", null, null, null, null, null), TOKEN))
                        .kind())
                .isEqualTo(Kind.META_UNAVAILABLE);
    }
}
