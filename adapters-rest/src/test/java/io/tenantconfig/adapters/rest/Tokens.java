package io.tenantconfig.adapters.rest;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.testing.SecretValues;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;

/** Tokens as the platform's issuer writes them, and the malformed and hostile ones it never should. */
final class Tokens {

    static final String SECRET = SecretValues.secret("test-secret-of-at-least-thirty-two-bytes-0123456789");
    static final SecretKey HMAC_KEY = Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));
    static final KeyPair RSA = rsaKeyPair();

    private Tokens() {}

    static JwtAuthFactory hs256Auth() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret(SECRET);
        return auth;
    }

    static JwtAuthFactory rs256Auth() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("RS256"));
        auth.setRsaPublicKey("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(RSA.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return auth;
    }

    /** The claims of a tenant user of {@code tenant}, valid for an hour. */
    static Map<String, Object> user(String tenant, String... roles) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("user_id", "user-of-" + tenant);
        claims.put("tenant_id", tenant);
        claims.put("roles", List.of(roles));
        claims.put("exp", ApiFixture.NOW.plus(Duration.ofHours(1)).getEpochSecond());
        return claims;
    }

    /** A platform admin's claims: no tenant. */
    static Map<String, Object> admin() {
        Map<String, Object> claims = user("none", "admin");
        claims.remove("tenant_id");
        claims.put("user_id", "platform-admin");
        return claims;
    }

    static String hs256(Map<String, Object> claims) {
        return SecretValues.secret(
                Jwts.builder().claims(claims).signWith(HMAC_KEY, Jwts.SIG.HS256).compact());
    }

    static String rs256(Map<String, Object> claims) {
        return SecretValues.secret(Jwts.builder()
                .claims(claims)
                .signWith(RSA.getPrivate(), Jwts.SIG.RS256)
                .compact());
    }

    static Map<String, Object> expiredCopy(Map<String, Object> claims) {
        Map<String, Object> copy = new HashMap<>(claims);
        copy.put("exp", ApiFixture.NOW.minus(Duration.ofHours(2)).getEpochSecond());
        return copy;
    }

    static String withoutExpiry(Map<String, Object> claims, boolean rsa) {
        Map<String, Object> copy = new HashMap<>(claims);
        copy.remove("exp");
        return rsa ? rs256(copy) : hs256(copy);
    }

    /** An unsigned token: {@code alg} as given ("none", "None", "NONE"...), empty signature. */
    static String unsigned(Map<String, Object> claims, String alg) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header =
                b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        StringBuilder payload = new StringBuilder("{");
        claims.forEach((k, v) -> payload.append(payload.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(
                        v instanceof String
                                ? "\"" + v + "\""
                                : v instanceof List<?> l
                                        ? "["
                                                + String.join(
                                                        ",",
                                                        l.stream()
                                                                .map(x -> "\"" + x + "\"")
                                                                .toList()) + "]"
                                        : String.valueOf(v)));
        payload.append('}');
        return header + "." + b64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A token whose signature was made with another key. */
    static String forged(Map<String, Object> claims) {
        SecretKey other =
                Keys.hmacShaKeyFor("another-secret-of-at-least-32-bytes-xxxxxxxx".getBytes(StandardCharsets.UTF_8));
        return Jwts.builder().claims(claims).signWith(other, Jwts.SIG.HS256).compact();
    }

    /** The algorithm-confusion attack: HS256 with the server's RSA public key as the HMAC secret. */
    static String hs256WithRsaPublicKey(Map<String, Object> claims) {
        SecretKey key = Keys.hmacShaKeyFor(RSA.getPublic().getEncoded());
        return Jwts.builder().claims(claims).signWith(key, Jwts.SIG.HS256).compact();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
