package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.port.in.ExpectedVersion;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A configuration's version as an HTTP entity tag ({@code ETag: "3"}) and back from {@code If-Match}. */
final class VersionTags {

    private static final Pattern STRONG_TAG = Pattern.compile("\\s*\"([1-9][0-9]{0,9})\"\\s*");

    private VersionTags() {}

    static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * What {@code If-Match} asks for: nothing (any version), {@code *} (any), or one strong tag.
     *
     * @throws ApiException 412 for a tag that can never match (weak, malformed, several)
     */
    static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return ExpectedVersion.any();
        }
        Matcher matcher = STRONG_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw mismatch();
        }
        try {
            return ExpectedVersion.exactly(Integer.parseInt(matcher.group(1)));
        } catch (NumberFormatException e) {
            throw mismatch();
        }
    }

    static ApiException mismatch() {
        return new ApiException(
                412,
                "The configuration has changed since you read it (If-Match does not match "
                        + "the current ETag). Read it again and retry.");
    }
}
