package io.tenantconfig.adapters.meta;

import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.MetaAppData;
import io.tenantconfig.application.port.out.MetaBusinessProfiles;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.MetaPhoneNumbers;
import io.tenantconfig.application.port.out.MetaTemplateCatalogue;
import io.tenantconfig.application.port.out.MetaTemplates;
import io.tenantconfig.domain.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * adapters-meta's one entry point, with its settings ({@link GraphApiSettings}): the service's
 * outbound HTTP as the application's ports. Meta's Graph API for onboarding, for numbers added through the service, templates, business
 * profiles and health checks,
 * and the platform's event receiver. Everything behind it is package-private.
 */
public final class MetaAdapters {

    /** The header that carries an event request's signature: {@code sha256=<hex>}. */
    public static final String EVENT_SIGNATURE_HEADER = SignedEventSink.SIGNATURE_HEADER;

    private final GraphApiSettings settings;
    private final Clock clock;
    private final MetaOnboarding onboarding;
    private final MetaPhoneNumbers phoneNumbers;
    private final MetaAppData appData;
    private final MetaTemplateCatalogue templateCatalogue;
    private final MetaTemplates templates;
    private final MetaBusinessProfiles businessProfiles;

    public MetaAdapters(GraphApiSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.onboarding = new GraphApiMetaOnboarding(settings, clock);
        this.phoneNumbers = new GraphApiMetaPhoneNumbers(settings);
        this.appData = new GraphApiMetaAppData(settings);
        this.templateCatalogue = new GraphApiMetaTemplateCatalogue(settings);
        this.templates = new GraphApiMetaTemplates(settings);
        this.businessProfiles = new GraphApiMetaBusinessProfiles(settings);
    }

    /** The Graph API calls of onboarding (and of resubscribing a tenant's webhooks): one client for all. */
    public MetaOnboarding onboarding() {
        return onboarding;
    }

    /** The Graph API calls that create a number in an account, have Meta send it a code, and verify it. */
    public MetaPhoneNumbers phoneNumbers() {
        return phoneNumbers;
    }

    /** The syncs of WhatsApp Business apps' data (coexistence numbers). */
    public MetaAppData appData() {
        return appData;
    }

    /** The reading of an account's message templates, for its catalogue. */
    public MetaTemplateCatalogue templateCatalogue() {
        return templateCatalogue;
    }

    /** The calls that create and delete an account's message templates. */
    public MetaTemplates templates() {
        return templates;
    }

    /** The calls that read and change a number's business profile. */
    public MetaBusinessProfiles businessProfiles() {
        return businessProfiles;
    }

    /** The health checks' calls, held to {@code callsPerSecond} started a second and {@code callsInFlight} at once. */
    public MetaHealth health(int callsPerSecond, int callsInFlight) {
        return new GraphApiMetaHealth(settings, new GraphThrottle(callsPerSecond, callsInFlight), clock);
    }

    /**
     * Delivers events to the platform's receiver at {@code url}, each request signed with
     * {@code secret} ({@value #EVENT_SIGNATURE_HEADER}).
     *
     * @param oneEventPerRequest the receiver takes one event object per request (batches of 1, the
     *     body of earlier versions); otherwise every request is {@code {"events": [...]}}
     */
    public static EventSink eventSink(URI url, Secret secret, Duration timeout, boolean oneEventPerRequest) {
        return new SignedEventSink(url, secret, timeout, oneEventPerRequest);
    }

    /** The signature a receiver recomputes for an event request: lowercase hex of HMAC-SHA256(body, secret). */
    public static String eventSignature(byte[] body, Secret secret) {
        return SignedEventSink.sign(body, secret);
    }
}
