package io.tenantconfig.adapters.rest.auth;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * How tokens are verified: which algorithms are accepted and with which keys, the optional issuer
 * and audience, the clock skew tolerated, and how claims and role names are read.
 */
public record JwtSettings(
        Set<String> algorithms,
        SecretKey hmacKey,
        PublicKey rsaKey,
        PublicKey ecKey,
        String issuer,
        String audience,
        Duration clockSkew,
        ClaimNames claims,
        String adminRole,
        String serviceRole,
        int maxTokenLength) {

    public static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");
    public static final Set<String> SUPPORTED = Set.of("HS256", "HS384", "HS512", "RS256", "ES256");

    public JwtSettings {
        algorithms = Set.copyOf(algorithms);
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(adminRole, "adminRole");
        Objects.requireNonNull(serviceRole, "serviceRole");
        if (algorithms.isEmpty() || !SUPPORTED.containsAll(algorithms)) {
            throw new IllegalArgumentException("auth.algorithms must be some of " + SUPPORTED + ", got " + algorithms);
        }
        for (String algorithm : algorithms) {
            if (HMAC.contains(algorithm)) {
                int bits = Integer.parseInt(algorithm.substring(2));
                if (hmacKey == null || hmacKey.getEncoded().length * 8 < Math.max(256, bits)) {
                    throw new IllegalArgumentException("auth.hmacSecret (JWT_SECRET_KEY) must be at least "
                            + Math.max(256, bits) / 8 + " bytes for " + algorithm);
                }
            }
        }
        if (algorithms.contains("RS256") && (rsaKey == null || !"RSA".equals(rsaKey.getAlgorithm()))) {
            throw new IllegalArgumentException("auth.rsaPublicKey (an RSA public key in PEM) is required for RS256");
        }
        if (algorithms.contains("ES256") && (ecKey == null || !"EC".equals(ecKey.getAlgorithm()))) {
            throw new IllegalArgumentException(
                    "auth.ecPublicKey (an EC P-256 public key in PEM) is required for ES256");
        }
        if (maxTokenLength < 256) {
            throw new IllegalArgumentException("auth.maxTokenLength must be at least 256");
        }
    }
}
