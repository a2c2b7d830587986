package io.tenantconfig.application.port.out;

import java.time.Instant;

/**
 * What Meta says about a token: whether it is valid, its type ({@code SYSTEM_USER} for a
 * business integration token, {@code USER} for a user token) and when it expires ({@code null}: never).
 */
public record TokenInspection(boolean valid, String type, Instant expiresAt) {}
