package io.tenantconfig.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitsFactory;
import io.tenantconfig.bootstrap.coexistence.CoexistenceFactory;
import io.tenantconfig.bootstrap.credentials.CredentialsFactory;
import io.tenantconfig.bootstrap.database.DatabaseFactory;
import io.tenantconfig.bootstrap.encryption.EncryptionFactory;
import io.tenantconfig.bootstrap.events.EventsFactory;
import io.tenantconfig.bootstrap.events.RetentionFactory;
import io.tenantconfig.bootstrap.health.HealthFactory;
import io.tenantconfig.bootstrap.http.RequestBodiesFactory;
import io.tenantconfig.bootstrap.templates.TemplatesFactory;
import io.tenantconfig.bootstrap.warmup.WarmUpFactory;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.Limits;
import io.tenantconfig.domain.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;

/** Everything the service reads from {@code config.yml} (production) or {@code dev.yml}. */
public class TenantConfigConfiguration extends Configuration {

    @Valid
    @NotNull
    private DatabaseFactory database = new DatabaseFactory();

    @Valid
    @NotNull
    private JwtAuthFactory auth = new JwtAuthFactory();

    @Valid
    @NotNull
    private MetaFactory meta = new MetaFactory();

    @Valid
    @NotNull
    private CredentialsFactory credentials = new CredentialsFactory();

    @Valid
    @NotNull
    private EncryptionFactory encryption = new EncryptionFactory();

    @Valid
    @NotNull
    private RateLimitsFactory rateLimits = new RateLimitsFactory();

    /** Origins allowed to call the API from a browser, e.g. the frontend's https://app.example.com. */
    @NotNull
    private List<String> corsAllowedOrigins = List.of();

    @Valid
    private HealthFactory health = new HealthFactory();

    @Valid
    private EventsFactory events = new EventsFactory();

    @Valid
    @NotNull
    private CoexistenceFactory coexistence = new CoexistenceFactory();

    @Valid
    @NotNull
    private WarmUpFactory warmUp = new WarmUpFactory();

    @Valid
    @NotNull
    private TemplatesFactory templates = new TemplatesFactory();

    @Valid
    @NotNull
    private RequestBodiesFactory requestBodies = new RequestBodiesFactory();

    @Valid
    @NotNull
    private RetentionFactory retention = new RetentionFactory();

    /** The most phone numbers one tenant may have (at most 50, Meta's default limit for a business). */
    @Min(1)
    @Max(PhoneNumbers.MOST)
    private int phoneNumbersPerTenant = PhoneNumbers.MOST;

    /** The most WhatsApp Business Accounts one tenant may have (1 to 100). */
    @Min(1)
    @Max(Accounts.MOST)
    private int accountsPerTenant = 20;

    @JsonProperty
    public JwtAuthFactory getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(JwtAuthFactory auth) {
        this.auth = auth;
    }

    @JsonProperty
    public RateLimitsFactory getRateLimits() {
        return rateLimits;
    }

    @JsonProperty
    public void setRateLimits(RateLimitsFactory rateLimits) {
        this.rateLimits = rateLimits;
    }

    @JsonProperty
    public EncryptionFactory getEncryption() {
        return encryption;
    }

    @JsonProperty
    public void setEncryption(EncryptionFactory encryption) {
        this.encryption = encryption;
    }

    @JsonProperty
    public CredentialsFactory getCredentials() {
        return credentials;
    }

    @JsonProperty
    public void setCredentials(CredentialsFactory credentials) {
        this.credentials = credentials;
    }

    @JsonProperty
    public MetaFactory getMeta() {
        return meta;
    }

    @JsonProperty
    public void setMeta(MetaFactory meta) {
        this.meta = meta;
    }

    @JsonProperty
    public List<String> getCorsAllowedOrigins() {
        return corsAllowedOrigins;
    }

    /** Accepts a list, or one comma-separated string as CORS_ALLOWED_ORIGINS gives it. */
    @JsonProperty
    public void setCorsAllowedOrigins(List<String> origins) {
        this.corsAllowedOrigins = origins.stream()
                .flatMap(o -> Arrays.stream(o.split(",")))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
    }

    @JsonProperty
    public TemplatesFactory getTemplates() {
        return templates;
    }

    @JsonProperty
    public void setTemplates(TemplatesFactory templates) {
        this.templates = templates;
    }

    @JsonProperty
    public CoexistenceFactory getCoexistence() {
        return coexistence;
    }

    @JsonProperty
    public void setCoexistence(CoexistenceFactory coexistence) {
        this.coexistence = coexistence;
    }

    @JsonProperty
    public EventsFactory getEvents() {
        return events;
    }

    @JsonProperty
    public void setEvents(EventsFactory events) {
        this.events = events;
    }

    @JsonProperty
    public HealthFactory getHealth() {
        return health;
    }

    @JsonProperty
    public void setHealth(HealthFactory health) {
        this.health = health;
    }

    @JsonProperty
    public int getPhoneNumbersPerTenant() {
        return phoneNumbersPerTenant;
    }

    @JsonProperty
    public void setPhoneNumbersPerTenant(int phoneNumbersPerTenant) {
        this.phoneNumbersPerTenant = phoneNumbersPerTenant;
    }

    @JsonProperty
    public int getAccountsPerTenant() {
        return accountsPerTenant;
    }

    @JsonProperty
    public void setAccountsPerTenant(int accountsPerTenant) {
        this.accountsPerTenant = accountsPerTenant;
    }

    /** How many numbers and accounts one tenant may have. */
    public Limits limits() {
        return new Limits(phoneNumbersPerTenant, accountsPerTenant);
    }

    @JsonProperty
    public DatabaseFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseFactory database) {
        this.database = database;
    }

    @JsonProperty
    public WarmUpFactory getWarmUp() {
        return warmUp;
    }

    @JsonProperty
    public void setWarmUp(WarmUpFactory warmUp) {
        this.warmUp = warmUp;
    }

    @JsonProperty
    public RequestBodiesFactory getRequestBodies() {
        return requestBodies;
    }

    @JsonProperty
    public void setRequestBodies(RequestBodiesFactory requestBodies) {
        this.requestBodies = requestBodies;
    }

    @JsonProperty
    public RetentionFactory getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(RetentionFactory retention) {
        this.retention = retention;
    }
}
