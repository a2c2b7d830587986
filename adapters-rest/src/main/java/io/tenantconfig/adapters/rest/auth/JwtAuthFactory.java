package io.tenantconfig.adapters.rest.auth;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.util.Duration;
import io.jsonwebtoken.security.Keys;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The {@code auth} section of the configuration: how bearer tokens are verified. Builds the
 * settings (refusing weak or missing keys at start) and registers authentication with Jersey.
 */
public class JwtAuthFactory {

    @NotEmpty
    private List<String> algorithms = List.of("HS256");

    private String hmacSecret;
    private String rsaPublicKey;
    private String ecPublicKey;
    private String issuer;
    private String audience;

    @NotNull
    private Duration clockSkew = Duration.seconds(30);

    @NotNull
    private String cachePolicy = "maximumSize=10000, expireAfterWrite=10m";

    @NotEmpty
    private List<String> tenantClaims = ClaimNames.DEFAULTS.tenant();

    @NotEmpty
    private List<String> userClaims = ClaimNames.DEFAULTS.user();

    @NotEmpty
    private List<String> roleClaims = ClaimNames.DEFAULTS.roles();

    @NotEmpty
    private String emailClaim = ClaimNames.DEFAULTS.email();

    @NotEmpty
    private String modulesClaim = ClaimNames.DEFAULTS.modules();

    @NotEmpty
    private String adminRole = "admin";

    @NotEmpty
    private String serviceRole = "service";

    @Min(256)
    private int maxTokenLength = 8192;

    /** The verified settings. @throws IllegalArgumentException naming the setting that is wrong */
    public JwtSettings settings() {
        return new JwtSettings(
                Set.copyOf(algorithms),
                hmacKey(),
                publicKey("auth.rsaPublicKey", rsaPublicKey, "RSA"),
                publicKey("auth.ecPublicKey", ecPublicKey, "EC"),
                blankToNull(issuer),
                blankToNull(audience),
                clockSkew.toJavaDuration(),
                new ClaimNames(tenantClaims, userClaims, roleClaims, emailClaim, modulesClaim),
                adminRole,
                serviceRole,
                maxTokenLength);
    }

    /** Whether this service can sign tokens itself: an HMAC secret is configured. */
    public boolean canMint() {
        return settings().hmacKey() != null;
    }

    /**
     * A token signed with the configured HMAC secret, as the platform's issuer would sign it (see
     * {@link TokenMinter}): for local use and the warm-up, never for production callers.
     *
     * @param tenant the tenant claim; {@code null} for a tenant-less token
     */
    public String mint(Clock clock, String subject, String tenant, List<String> roles, java.time.Duration ttl) {
        return new TokenMinter(settings(), clock).mint(subject, tenant, roles, ttl);
    }

    /** Registers bearer-token authentication, {@code @RolesAllowed} and {@code @Auth} with Jersey. */
    public void register(JerseyEnvironment jersey, MetricRegistry metrics, Clock clock) {
        providers(metrics, clock).forEach(jersey::register);
    }

    /** The Jersey providers that authenticate and authorize requests. */
    public List<Object> providers(MetricRegistry metrics, Clock clock) {
        JwtSettings settings = settings();
        JwtVerifier verifier = new JwtVerifier(settings, clock);
        CachingAuthenticator<String, CallerPrincipal> cache =
                new CachingAuthenticator<>(metrics, verifier::verify, CaffeineSpec.parse(cachePolicy));
        return List.of(
                new AuthDynamicFeature(new BearerTokenAuthFilter.Builder()
                        .setAuthenticator(new ExpiryCheckingAuthenticator(cache, clock, settings.clockSkew()))
                        .setAuthorizer((caller, role, request) -> caller.hasRole(role))
                        .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                        .setPrefix(BearerTokenAuthFilter.SCHEME)
                        .setRealm("tenant-config")
                        .buildAuthFilter()),
                RolesAllowedDynamicFeature.class,
                new AuthValueFactoryProvider.Binder<>(CallerPrincipal.class));
    }

    private SecretKey hmacKey() {
        String secret = blankToNull(hmacSecret);
        if (secret == null) {
            return null;
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("auth.hmacSecret (JWT_SECRET_KEY) must be at least 256 bits (32 bytes)");
        }
        return Keys.hmacShaKeyFor(bytes);
    }

    private static PublicKey publicKey(String setting, String pem, String algorithm) {
        String text = blankToNull(pem);
        if (text == null) {
            return null;
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    setting + " is not an " + algorithm + " public key in PEM (X.509 SubjectPublicKeyInfo)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @JsonProperty
    public void setAlgorithms(List<String> algorithms) {
        this.algorithms = algorithms;
    }

    @JsonProperty
    public void setHmacSecret(String hmacSecret) {
        this.hmacSecret = hmacSecret;
    }

    @JsonProperty
    public void setRsaPublicKey(String rsaPublicKey) {
        this.rsaPublicKey = rsaPublicKey;
    }

    @JsonProperty
    public void setEcPublicKey(String ecPublicKey) {
        this.ecPublicKey = ecPublicKey;
    }

    @JsonProperty
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    @JsonProperty
    public void setAudience(String audience) {
        this.audience = audience;
    }

    @JsonProperty
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    @JsonProperty
    public void setCachePolicy(String cachePolicy) {
        this.cachePolicy = cachePolicy;
    }

    @JsonProperty
    public void setTenantClaims(List<String> tenantClaims) {
        this.tenantClaims = tenantClaims;
    }

    @JsonProperty
    public void setUserClaims(List<String> userClaims) {
        this.userClaims = userClaims;
    }

    @JsonProperty
    public void setRoleClaims(List<String> roleClaims) {
        this.roleClaims = roleClaims;
    }

    @JsonProperty
    public void setEmailClaim(String emailClaim) {
        this.emailClaim = emailClaim;
    }

    @JsonProperty
    public void setModulesClaim(String modulesClaim) {
        this.modulesClaim = modulesClaim;
    }

    @JsonProperty
    public void setAdminRole(String adminRole) {
        this.adminRole = adminRole;
    }

    @JsonProperty
    public void setServiceRole(String serviceRole) {
        this.serviceRole = serviceRole;
    }

    @JsonProperty
    public void setMaxTokenLength(int maxTokenLength) {
        this.maxTokenLength = maxTokenLength;
    }
}
