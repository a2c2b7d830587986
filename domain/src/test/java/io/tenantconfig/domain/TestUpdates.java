package io.tenantconfig.domain;

import io.tenantconfig.testing.SecretValues;
import java.time.Instant;

/** Test data: partial updates written field by field, every field not named kept. */
public final class TestUpdates {

    private FieldUpdate<MetaId> wabaId = FieldUpdate.keep();
    private FieldUpdate<MetaId> businessId = FieldUpdate.keep();
    private FieldUpdate<MetaId> phoneNumberId = FieldUpdate.keep();
    private FieldUpdate<DisplayPhoneNumber> displayPhoneNumber = FieldUpdate.keep();
    private FieldUpdate<MetaId> fbAppId = FieldUpdate.keep();
    private FieldUpdate<Secret> fbAppSecret = FieldUpdate.keep();
    private FieldUpdate<Secret> accessToken = FieldUpdate.keep();
    private FieldUpdate<Secret> refreshToken = FieldUpdate.keep();
    private FieldUpdate<Instant> tokenExpiresAt = FieldUpdate.keep();
    private FieldUpdate<WebUrl> callbackUrl = FieldUpdate.keep();
    private FieldUpdate<VerifyToken> verifyToken = FieldUpdate.keep();
    private FieldUpdate<WebUrl> redirectUrl = FieldUpdate.keep();
    private FieldUpdate<Boolean> active = FieldUpdate.keep();

    private TestUpdates() {}

    public static TestUpdates update() {
        return new TestUpdates();
    }

    public TestUpdates wabaId(String value) {
        wabaId = FieldUpdate.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestUpdates businessId(String value) {
        businessId = FieldUpdate.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestUpdates phoneNumberId(String value) {
        phoneNumberId = FieldUpdate.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestUpdates displayPhoneNumber(String value) {
        displayPhoneNumber = FieldUpdate.toOrClear(value == null ? null : DisplayPhoneNumber.parse(value));
        return this;
    }

    public TestUpdates fbAppId(String value) {
        fbAppId = FieldUpdate.toOrClear(value == null ? null : MetaId.parse(value));
        return this;
    }

    public TestUpdates fbAppSecret(String value) {
        fbAppSecret = FieldUpdate.toOrClear(value == null ? null : Secret.of(SecretValues.secret(value)));
        return this;
    }

    public TestUpdates accessToken(String value) {
        accessToken = FieldUpdate.toOrClear(value == null ? null : Secret.of(SecretValues.secret(value)));
        return this;
    }

    public TestUpdates refreshToken(String value) {
        refreshToken = FieldUpdate.toOrClear(value == null ? null : Secret.of(SecretValues.secret(value)));
        return this;
    }

    public TestUpdates tokenExpiresAt(Instant value) {
        tokenExpiresAt = FieldUpdate.toOrClear(value);
        return this;
    }

    public TestUpdates callbackUrl(String value) {
        callbackUrl = FieldUpdate.toOrClear(value == null ? null : WebUrl.parse(value));
        return this;
    }

    public TestUpdates verifyToken(String value) {
        verifyToken = FieldUpdate.toOrClear(value == null ? null : VerifyToken.parse(value));
        return this;
    }

    public TestUpdates redirectUrl(String value) {
        redirectUrl = FieldUpdate.toOrClear(value == null ? null : WebUrl.parse(value));
        return this;
    }

    public TestUpdates active(boolean value) {
        active = FieldUpdate.to(value);
        return this;
    }

    public SettingsUpdate build() {
        return new SettingsUpdate(
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
