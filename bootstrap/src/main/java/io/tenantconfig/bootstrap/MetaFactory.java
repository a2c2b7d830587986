package io.tenantconfig.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.tenantconfig.adapters.meta.GraphApiSettings;
import io.tenantconfig.adapters.meta.MetaAdapters;
import io.tenantconfig.application.service.OnboardingPolicy;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;

/** The {@code meta} section: how to reach Meta's Graph API, as which app, and which onboarding steps run. */
public class MetaFactory {

    @NotEmpty
    private String graphApiBaseUrl = "https://graph.facebook.com";

    @NotEmpty
    @Pattern(regexp = "v[0-9]+\\.[0-9]+", message = "must look like v23.0 (META_GRAPH_API_VERSION)")
    private String graphApiVersion = "v23.0";

    @NotEmpty
    @Pattern(regexp = "[0-9]{1,32}", message = "must be the Meta app id, digits only (FB_APP_ID)")
    private String appId;

    @NotEmpty(message = "must be set (FB_APP_SECRET)")
    private String appSecret;

    @NotNull
    private Duration connectTimeout = Duration.seconds(5);

    @NotNull
    private Duration requestTimeout = Duration.seconds(10);

    @NotNull
    private Duration rateLimitRetryAfter = Duration.seconds(60);

    private boolean subscribeWaba = true;
    private boolean registerPhone = true;
    private boolean forwardRedirectUri;

    /** The Graph API's adapters: onboarding's calls and the health checks'. */
    public MetaAdapters build(Clock clock) {
        return new MetaAdapters(settings(), clock);
    }

    /** Where Meta is, as which app, and how long to wait for it. */
    public GraphApiSettings settings() {
        return new GraphApiSettings(
                URI.create(graphApiBaseUrl),
                graphApiVersion,
                MetaId.parse(appId),
                Secret.of(appSecret),
                connectTimeout.toJavaDuration(),
                requestTimeout.toJavaDuration(),
                rateLimitRetryAfter.toJavaDuration());
    }

    public OnboardingPolicy policy() {
        return new OnboardingPolicy(subscribeWaba, registerPhone, forwardRedirectUri);
    }

    @JsonProperty
    public String getGraphApiBaseUrl() {
        return graphApiBaseUrl;
    }

    @JsonProperty
    public void setGraphApiBaseUrl(String graphApiBaseUrl) {
        this.graphApiBaseUrl = graphApiBaseUrl;
    }

    @JsonProperty
    public String getGraphApiVersion() {
        return graphApiVersion;
    }

    @JsonProperty
    public void setGraphApiVersion(String graphApiVersion) {
        this.graphApiVersion = graphApiVersion;
    }

    @JsonProperty
    public String getAppId() {
        return appId;
    }

    @JsonProperty
    public void setAppId(String appId) {
        this.appId = appId;
    }

    @JsonProperty
    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @JsonProperty
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    @JsonProperty
    public Duration getRateLimitRetryAfter() {
        return rateLimitRetryAfter;
    }

    @JsonProperty
    public void setRateLimitRetryAfter(Duration rateLimitRetryAfter) {
        this.rateLimitRetryAfter = rateLimitRetryAfter;
    }

    @JsonProperty
    public boolean isSubscribeWaba() {
        return subscribeWaba;
    }

    @JsonProperty
    public void setSubscribeWaba(boolean subscribeWaba) {
        this.subscribeWaba = subscribeWaba;
    }

    @JsonProperty
    public boolean isRegisterPhone() {
        return registerPhone;
    }

    @JsonProperty
    public void setRegisterPhone(boolean registerPhone) {
        this.registerPhone = registerPhone;
    }

    @JsonProperty
    public boolean isForwardRedirectUri() {
        return forwardRedirectUri;
    }

    @JsonProperty
    public void setForwardRedirectUri(boolean forwardRedirectUri) {
        this.forwardRedirectUri = forwardRedirectUri;
    }
}
