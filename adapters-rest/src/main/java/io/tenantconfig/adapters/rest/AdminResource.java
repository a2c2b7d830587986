package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.errors.InvalidRequestException;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.ConfigFilter;
import io.tenantconfig.application.port.in.AuditTrailUseCase;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ConfigStatisticsUseCase;
import io.tenantconfig.application.port.in.DeleteAllConfigsUseCase;
import io.tenantconfig.application.port.in.DeleteConfigUseCase;
import io.tenantconfig.application.port.in.ListConfigsUseCase;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.port.in.ViewAppDataSyncsUseCase;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.application.port.in.ViewHealthUseCase;
import io.tenantconfig.application.port.out.ConfigPage;
import io.tenantconfig.application.port.out.ConfigStatistics;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UntrustedText;
import io.tenantconfig.domain.health.HealthState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Platform admins: every tenant's configuration. Needs the admin role. */
@Path("/api/v1/tenant/admin/configs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminResource {

    private static final String LIMIT_RANGE = "must be between 1 and " + ListConfigsUseCase.MAX_LIMIT;

    private final ListConfigsUseCase listConfigs;
    private final ConfigStatisticsUseCase configStatistics;
    private final DeleteAllConfigsUseCase deleteAllConfigs;
    private final DeleteConfigUseCase deleteConfig;
    private final AuditTrailUseCase auditTrail;
    private final ViewConfigUseCase viewConfig;
    private final ViewHealthUseCase viewHealth;
    private final ViewAppDataSyncsUseCase viewAppDataSyncs;
    private final ConfigLoader configLoader;

    public AdminResource(
            ListConfigsUseCase listConfigs,
            ConfigStatisticsUseCase configStatistics,
            DeleteAllConfigsUseCase deleteAllConfigs,
            DeleteConfigUseCase deleteConfig,
            AuditTrailUseCase auditTrail,
            ViewConfigUseCase viewConfig,
            ViewHealthUseCase viewHealth,
            ViewAppDataSyncsUseCase viewAppDataSyncs,
            ConfigLoader configLoader) {
        this.viewAppDataSyncs = viewAppDataSyncs;
        this.configLoader = configLoader;
        this.listConfigs = listConfigs;
        this.configStatistics = configStatistics;
        this.deleteAllConfigs = deleteAllConfigs;
        this.deleteConfig = deleteConfig;
        this.auditTrail = auditTrail;
        this.viewConfig = viewConfig;
        this.viewHealth = viewHealth;
    }

    /** {@code next}: pass it as {@code after} for the following page; null on the last one. */
    public record ConfigList(
            @JsonProperty("total") long total,
            @JsonProperty("returned") int returned,
            @JsonProperty("configs") List<TenantConfigView> configs,
            @JsonProperty("next") String next) {}

    public record Statistics(
            @JsonProperty("total_configs") long totalConfigs,
            @JsonProperty("active_configs") long activeConfigs,
            @JsonProperty("inactive_configs") long inactiveConfigs,
            @JsonProperty("onboarded_configs") long onboardedConfigs,
            @JsonProperty("pending_onboarding") long pendingOnboarding,
            @JsonProperty("accounts") long accounts,
            @JsonProperty("resolutions_by_source") Map<String, Long> resolutionsBySource,
            @JsonProperty("health") Map<String, Long> health,
            @JsonProperty("events") EventLag events,
            @JsonProperty("signups") Signups signups) {}

    /** The signup sessions that ended in the last {@code days} days, by outcome. */
    public record Signups(
            @JsonProperty("finished") long finished,
            @JsonProperty("cancelled") long cancelled,
            @JsonProperty("failed") long failed,
            @JsonProperty("days") long days) {}

    /** The events waiting for the platform's receiver, and how long the oldest has waited (0: none). */
    public record EventLag(
            @JsonProperty("pending") long pending,
            @JsonProperty("oldest_pending_seconds") long oldestPendingSeconds) {}

    public record DeleteAllResult(
            @JsonProperty("success") boolean success,
            @JsonProperty("message") String message,
            @JsonProperty("deleted_count") long deletedCount,
            @JsonProperty("warning") String warning) {}

    public record DeletedConfig(
            @JsonProperty("id") long id,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("waba_id") String wabaId) {}

    public record DeleteTenantResult(
            @JsonProperty("success") boolean success,
            @JsonProperty("message") String message,
            @JsonProperty("deleted_config") DeletedConfig deletedConfig) {}

    @GET
    @Path("/all")
    @Operation(
            summary =
                    "A page of all configurations, secrets masked, in the order they were created; "
                            + "page on with after=<next> (skip is kept for the earlier frontend, and slows down deep in the list)")
    public ConfigList all(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @Parameter(description = "Configurations to pass over (the earlier paging); not with after")
                    @QueryParam("skip")
                    @DefaultValue("0")
                    @Min(value = 0, message = "must be 0 or more")
                    long skip,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = ListConfigsUseCase.MAX_LIMIT, message = LIMIT_RANGE)
                    int limit,
            @Parameter(description = "The next of the previous page: the page that follows it") @QueryParam("after")
                    String after,
            @Parameter(description = "Only configurations in this health state (INVALID, EXPIRING, UNKNOWN...)")
                    @QueryParam("health")
                    String health,
            @Parameter(description = "true or false") @QueryParam("is_active") String active,
            @Parameter(description = "NOT_STARTED, TOKEN_EXCHANGED, ... COMPLETED, REAUTHORIZATION_REQUIRED")
                    @QueryParam("onboarding_status")
                    String onboardingStatus,
            @QueryParam("waba_id") String wabaId,
            @Parameter(description = "The configuration holding this number") @QueryParam("phone_number_id")
                    String phoneNumberId,
            @Parameter(description = "Changed at or after this moment (ISO-8601, e.g. 2026-12-01T00:00:00Z)")
                    @QueryParam("updated_since")
                    String updatedSince,
            @Parameter(description = "Tenant ids starting with this (as written, case included)") @QueryParam("q")
                    String q) {
        Optional<Long> cursor = Parameters.cursor(after);
        if (cursor.isPresent() && skip > 0) {
            throw InvalidRequestException.of("after", "after and skip cannot be used together: page with one of them");
        }
        ConfigFilter filter = new ConfigFilter(
                flag(active),
                onboardingStatus(onboardingStatus),
                Parameters.optional("waba_id", wabaId, MetaId::parse),
                Parameters.optional("phone_number_id", phoneNumberId, MetaId::parse),
                Parameters.moment("updated_since", updatedSince),
                prefix(q),
                healthState(health));
        ConfigPage page = listConfigs.list(new ListConfigsUseCase.PageRequest(skip, cursor, limit, filter));
        List<TenantConfigView> configs =
                page.configs().stream().map(TenantConfigView::masked).toList();
        return new ConfigList(
                page.total(),
                configs.size(),
                configs,
                page.next().map(String::valueOf).orElse(null));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "How many configurations there are, by state")
    public Statistics stats(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        ConfigStatisticsUseCase.Report report = configStatistics.statistics();
        ConfigStatistics s = report.configs();
        Map<String, Long> bySource = new LinkedHashMap<>();
        for (ValueSource source : ValueSource.values()) {
            bySource.put(source.label(), report.resolutionsBySource().getOrDefault(source, 0L));
        }
        Map<String, Long> health = new LinkedHashMap<>();
        viewHealth.counts().forEach((state, count) -> health.put(state.name(), count));
        return new Statistics(
                s.total(),
                s.active(),
                s.inactive(),
                s.onboarded(),
                s.pendingOnboarding(),
                s.accounts(),
                bySource,
                health,
                new EventLag(
                        report.pendingEvents(), report.oldestPendingEventAge().toSeconds()),
                new Signups(
                        report.signups().finished(),
                        report.signups().cancelled(),
                        report.signups().failed(),
                        ConfigStatisticsUseCase.SIGNUP_WINDOW.toDays()));
    }

    @DELETE
    @Path("/delete-all")
    @Operation(summary = "Delete every configuration; needs confirmation=" + DeleteAllConfigsUseCase.CONFIRMATION)
    public DeleteAllResult deleteAll(
            @Parameter(hidden = true) @Auth CallerPrincipal caller, @QueryParam("confirmation") String confirmation) {
        return deleteAllConfigs
                .deleteAll(new DeleteAllConfigsUseCase.Command(caller.actor(), confirmation))
                .match(
                        deleted -> new DeleteAllResult(
                                true,
                                "Deleted " + deleted + " tenant configurations",
                                deleted,
                                "This action cannot be undone"),
                        () -> {
                            throw new ApiException(
                                    400,
                                    "Invalid confirmation. To delete every configuration, pass " + "confirmation="
                                            + DeleteAllConfigsUseCase.CONFIRMATION + ".");
                        });
    }

    @DELETE
    @Path("/delete-tenant/{tenant_id}")
    @Operation(summary = "Delete one tenant's configuration. Honours If-Match.")
    public DeleteTenantResult deleteTenant(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("tenant_id") String tenantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TenantId tenant = Parameters.required("tenant_id", tenantId, TenantId::presented);
        TenantConfig deleted = ConfigResponses.written(deleteConfig.delete(new DeleteConfigUseCase.Command(
                tenant, caller.actor(), VersionTags.expected(ifMatch), DeleteConfigUseCase.Requester.ADMIN)));
        return new DeleteTenantResult(
                true,
                "Configuration of tenant " + tenant.value() + " deleted",
                new DeletedConfig(
                        deleted.id(),
                        tenant.value(),
                        Objects.toString(deleted.account().wabaId(), null)));
    }

    @GET
    @Path("/{tenant_id}/phone-numbers")
    @Operation(
            summary = "One tenant's phone numbers, in the order they were added, the default marked, each with its"
                    + " capacity")
    public PhoneNumberView.NumberList phoneNumbers(@PathParam("tenant_id") String tenantId) {
        TenantConfig config = viewConfig
                .view(Parameters.required("tenant_id", tenantId, TenantId::presented))
                .orElseThrow(ConfigResponses::notFound);
        return PhoneNumberView.NumberList.of(config, viewAppDataSyncs.appDataSyncs(config.tenantId()), configLoader);
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The audit trail of all tenants, or of one (tenant_id), newest first")
    public AuditView audit(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @QueryParam("tenant_id") String tenantId,
            @Valid @BeanParam AuditPage page) {
        return page.answer(auditTrail.page(page.of(Parameters.optional("tenant_id", tenantId, TenantId::presented))));
    }

    private static Optional<Boolean> flag(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw InvalidRequestException.of("is_active", "is_active must be true or false");
        };
    }

    private static Optional<OnboardingStatus> onboardingStatus(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OnboardingStatus.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(
                    "onboarding_status",
                    "onboarding_status must be one of " + Arrays.toString(OnboardingStatus.values()));
        }
    }

    private static Optional<String> prefix(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > ConfigFilter.MAX_PREFIX) {
            throw InvalidRequestException.of("q", "q must be at most " + ConfigFilter.MAX_PREFIX + " characters");
        }
        if (UntrustedText.hasControlCharacters(value)) {
            throw InvalidRequestException.of("q", "q must not contain control characters (no tenant id has one)");
        }
        return Optional.of(value);
    }

    private static Optional<HealthState> healthState(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HealthState.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(
                    "health", "health must be one of " + Arrays.toString(HealthState.values()));
        }
    }
}
