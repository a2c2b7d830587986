package io.tenantconfig.domain;

import io.tenantconfig.testing.SecretValues;
import java.time.Instant;

/** Test data: partial updates written field by field, every field not named kept. */
public final class TestChanges {

    private Change<MetaId> wabaId = Change.keep();
    private Change<MetaId> businessId = Change.keep();
    private Change<MetaId> phoneNumberId = Change.keep();
    private Change<DisplayPhoneNumber> displayPhoneNumber = Change.keep();
    private Change<MetaId> fbAppId = Change.keep();
    private Change<Secret> fbAppSecret = Change.keep();
    private Change<Secret> accessToken = Change.keep();
    private Change<Secret> refreshToken = Change.keep();
    private Change<Instant> tokenExpiresAt = Change.keep();
    private Change<WebUrl> callbackUrl = Change.keep();
    private Change<VerifyToken> verifyToken = Change.keep();
    private Change<WebUrl> redirectUrl = Change.keep();
    private Change<Boolean> active = Change.keep();

    private TestChanges() {}

    public static TestChanges changes() {
        return new TestChanges();
    }

    public TestChanges wabaId(String value) {
        wabaId = Change.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestChanges businessId(String value) {
        businessId = Change.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestChanges phoneNumberId(String value) {
        phoneNumberId = Change.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestChanges displayPhoneNumber(String value) {
        displayPhoneNumber = Change.toOrClear(value == null ? null : DisplayPhoneNumber.parse(value));
        return this;
    }

    public TestChanges fbAppId(String value) {
        fbAppId = Change.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestChanges fbAppSecret(String value) {
        fbAppSecret = Change.toOrClear(value == null ? null : Secret.of(SecretValues.secret(value)));
        return this;
    }

    public TestChanges accessToken(String value) {
        accessToken = Change.toOrClear(value == null ? null : Secret.of(SecretValues.secret(value)));
        return this;
    }

    public TestChanges refreshToken(String value) {
        refreshToken = Change.toOrClear(value == null ? null : Secret.of(SecretValues.secret(value)));
        return this;
    }

    public TestChanges tokenExpiresAt(Instant value) {
        tokenExpiresAt = Change.toOrClear(value);
        return this;
    }

    public TestChanges callbackUrl(String value) {
        callbackUrl = Change.toOrClear(value == null ? null : WebUrl.parse(value));
        return this;
    }

    public TestChanges verifyToken(String value) {
        verifyToken = Change.toOrClear(value == null ? null : VerifyToken.parse(value));
        return this;
    }

    public TestChanges redirectUrl(String value) {
        redirectUrl = Change.toOrClear(value == null ? null : WebUrl.parse(value));
        return this;
    }

    public TestChanges active(boolean value) {
        active = Change.to(value);
        return this;
    }

    public TenantConfigChanges build() {
        return new TenantConfigChanges(
                wabaId,
                businessId,
                phoneNumberId,
                displayPhoneNumber,
                fbAppId,
                fbAppSecret,
                accessToken,
                refreshToken,
                tokenExpiresAt,
                callbackUrl,
                verifyToken,
                redirectUrl,
                active);
    }
}
