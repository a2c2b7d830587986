package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.tenantconfig.adapters.rest.errors.ApiExceptionMapper;
import io.tenantconfig.adapters.rest.errors.ConstraintViolationMapper;
import io.tenantconfig.adapters.rest.errors.InvalidRequestMapper;
import io.tenantconfig.adapters.rest.errors.JsonProcessingMapper;
import io.tenantconfig.adapters.rest.errors.Problem;
import io.tenantconfig.adapters.rest.errors.SecretUnreadableMapper;
import io.tenantconfig.adapters.rest.errors.StoreUnavailableMapper;
import io.tenantconfig.adapters.rest.errors.UnexpectedExceptionMapper;
import io.tenantconfig.adapters.rest.errors.WebApplicationExceptionMapper;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.AuditTrailUseCase;
import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase;
import io.tenantconfig.application.port.in.ChangeBusinessProfileUseCase;
import io.tenantconfig.application.port.in.ChangePhoneNumberUseCase;
import io.tenantconfig.application.port.in.ChangeSettingsUseCase;
import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ConfigStatisticsUseCase;
import io.tenantconfig.application.port.in.CreateConfigUseCase;
import io.tenantconfig.application.port.in.CreatePhoneNumberUseCase;
import io.tenantconfig.application.port.in.CreateTemplateUseCase;
import io.tenantconfig.application.port.in.DeleteAllConfigsUseCase;
import io.tenantconfig.application.port.in.DeleteConfigUseCase;
import io.tenantconfig.application.port.in.DeleteTemplateUseCase;
import io.tenantconfig.application.port.in.EventsAdminUseCase;
import io.tenantconfig.application.port.in.ListConfigsUseCase;
import io.tenantconfig.application.port.in.LookupTemplateUseCase;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase;
import io.tenantconfig.application.port.in.RemoveAccountUseCase;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.ReportFailureUseCase;
import io.tenantconfig.application.port.in.ReportSignupEventUseCase;
import io.tenantconfig.application.port.in.RequestVerificationCodeUseCase;
import io.tenantconfig.application.port.in.ResubscribeWebhookUseCase;
import io.tenantconfig.application.port.in.ResumeOnboardingUseCase;
import io.tenantconfig.application.port.in.RevealConfigUseCase;
import io.tenantconfig.application.port.in.RevealCredentialsUseCase;
import io.tenantconfig.application.port.in.SetAccountTokenUseCase;
import io.tenantconfig.application.port.in.SignupSessionsAdminUseCase;
import io.tenantconfig.application.port.in.SignupSessionsUseCase;
import io.tenantconfig.application.port.in.SwitchActivationUseCase;
import io.tenantconfig.application.port.in.SyncTemplatesUseCase;
import io.tenantconfig.application.port.in.UnroutableWebhookChangesUseCase;
import io.tenantconfig.application.port.in.VerifyPhoneNumberUseCase;
import io.tenantconfig.application.port.in.ViewAppDataSyncsUseCase;
import io.tenantconfig.application.port.in.ViewBusinessProfileUseCase;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.application.port.in.ViewHealthUseCase;
import io.tenantconfig.application.port.in.ViewTemplatesUseCase;
import io.tenantconfig.application.port.in.WebhookHandshakeUseCase;
import io.tenantconfig.application.port.in.WebhookSettingsUseCase;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * adapters-rest's one entry point: the HTTP API. Each resource is given the use cases it calls
 * (one method each, named after the resource); {@link #register} then hands Jersey the one family
 * of error mappers, the request filters, the resources and their OpenAPI description.
 * Authentication and the rate limits are the configuration's {@code auth} and {@code rateLimits}
 * sections ({@code JwtAuthFactory}, {@code RateLimitsFactory}), registered by themselves.
 */
public final class RestApi {

    /** Where the admin dashboard's files are served (the page calls the admin API). */
    public static final String DASHBOARD_PATH = DashboardHeaders.PATH;

    private final List<String> corsAllowedOrigins;
    private final String version;

    private TenantConfigResource tenantConfig;
    private PhoneNumbersResource phoneNumbers;
    private AccountsResource accounts;
    private BusinessProfileResource businessProfiles;
    private AdminAccountsResource adminAccounts;
    private ResolvedConfigResource resolvedConfig;
    private LookupResource lookup;
    private HealthResource health;
    private AdminHealthResource adminHealth;
    private AdminEventsResource adminEvents;
    private HistoryResource history;
    private AdminResource admin;
    private AdminTenantResource adminTenant;
    private OnboardingResource onboarding;
    private SignupSessionsResource signupSessions;
    private AdminSignupSessionsResource adminSignupSessions;
    private WebhooksResource webhooks;
    private WebhookSettingsResource webhookSettings;
    private AdminWebhooksResource adminWebhooks;
    private ViewTemplatesUseCase viewTemplates;
    private SyncTemplatesUseCase syncTemplates;
    private CreateTemplateUseCase createTemplate;
    private DeleteTemplateUseCase deleteTemplate;
    private TemplatesResource templates;
    private TemplateLookupResource templateLookup;
    private AdminTemplatesResource adminTemplates;
    private final AuthResource auth = new AuthResource();

    /**
     * @param corsAllowedOrigins the origins a browser may call the API from
     * @param version what the OpenAPI description names as the API's version
     */
    public RestApi(List<String> corsAllowedOrigins, String version) {
        this.corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        this.version = version;
    }

    /** Sets up the JSON mapper the API reads request bodies with (see {@link RequestJson}). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return RequestJson.configure(mapper);
    }

    /** {@code /api/v1/tenant/config}: a tenant's own configuration. */
    public void tenantConfig(
            ViewConfigUseCase viewConfig,
            RevealConfigUseCase revealConfig,
            CreateConfigUseCase createConfig,
            ChangeSettingsUseCase changeSettings,
            SwitchActivationUseCase switchActivation,
            DeleteConfigUseCase deleteConfig) {
        tenantConfig = new TenantConfigResource(
                viewConfig, revealConfig, createConfig, changeSettings, switchActivation, deleteConfig);
    }

    /** A tenant's own audit trail. */
    public void history(AuditTrailUseCase auditTrail) {
        history = new HistoryResource(auditTrail);
    }

    /** The credentials a tenant resolves to, each with its source. */
    public void resolvedConfig(ConfigLoader configLoader, RevealCredentialsUseCase revealCredentials) {
        resolvedConfig = new ResolvedConfigResource(configLoader, revealCredentials);
    }

    /** {@code /api/v1/lookup}: whose number or account it is, and failures the platform's services report. */
    public void lookup(ConfigLoader configLoader, ReportFailureUseCase reportFailure) {
        lookup = new LookupResource(configLoader, reportFailure);
    }

    /** What brings a number into use through Meta: create it, have Meta send it a code, verify it. */
    public record NumberVerification(
            CreatePhoneNumberUseCase create,
            RequestVerificationCodeUseCase requestCode,
            VerifyPhoneNumberUseCase verify) {}

    /**
     * A tenant's phone numbers, and those it brings into use through Meta ({@code verification});
     * each with its capacity, as the {@code configLoader}'s number directory answers it.
     */
    public void phoneNumbers(
            ViewConfigUseCase viewConfig,
            AddPhoneNumberUseCase addPhoneNumber,
            ChangePhoneNumberUseCase changePhoneNumber,
            RemovePhoneNumberUseCase removePhoneNumber,
            NumberVerification verification,
            ViewAppDataSyncsUseCase viewAppDataSyncs,
            ConfigLoader configLoader) {
        phoneNumbers = new PhoneNumbersResource(
                viewConfig,
                addPhoneNumber,
                changePhoneNumber,
                removePhoneNumber,
                verification,
                viewAppDataSyncs,
                configLoader);
    }

    /** Each of a tenant's numbers' business profile, read through to Meta and kept, and changed at Meta. */
    public void businessProfiles(
            ViewBusinessProfileUseCase viewBusinessProfile, ChangeBusinessProfileUseCase changeBusinessProfile) {
        businessProfiles = new BusinessProfileResource(viewBusinessProfile, changeBusinessProfile);
    }

    /** A tenant's message templates, created and deleted at Meta (served with {@link #templates}). */
    public void templateManagement(CreateTemplateUseCase createTemplate, DeleteTemplateUseCase deleteTemplate) {
        this.createTemplate = createTemplate;
        this.deleteTemplate = deleteTemplate;
        templatesWhenWhole();
    }

    /** The templates resource, once both its catalogue and its management at Meta are given. */
    private void templatesWhenWhole() {
        if (viewTemplates != null && createTemplate != null) {
            templates = new TemplatesResource(viewTemplates, syncTemplates, createTemplate, deleteTemplate);
        }
    }

    /**
     * A tenant's WhatsApp Business Accounts: the tenant's own ({@code /config/accounts}) and one
     * tenant's for admins ({@code /admin/tenants/{tenant_id}/accounts}).
     */
    public void accounts(
            ViewConfigUseCase viewConfig,
            ViewHealthUseCase viewHealth,
            SetAccountTokenUseCase setAccountToken,
            RemoveAccountUseCase removeAccount) {
        AccountsResource.Answers answers =
                new AccountsResource.Answers(viewConfig, viewHealth, setAccountToken, removeAccount);
        accounts = new AccountsResource(answers);
        adminAccounts = new AdminAccountsResource(answers);
    }

    /** Embedded Signup's onboarding, and resuming it. */
    public void onboarding(OnboardUseCase onboard, ResumeOnboardingUseCase resumeOnboarding) {
        onboarding = new OnboardingResource(onboard, resumeOnboarding);
    }

    /**
     * The signup sessions: the events the page reports when a signup did not finish, the tenant's
     * own sessions, and every tenant's for admins.
     */
    public void signupSessions(
            ReportSignupEventUseCase reportSignupEvent,
            SignupSessionsUseCase tenantSessions,
            SignupSessionsAdminUseCase adminSessions) {
        signupSessions = new SignupSessionsResource(reportSignupEvent, tenantSessions);
        adminSignupSessions = new AdminSignupSessionsResource(adminSessions);
    }

    /** A tenant's own health, and a check on demand. */
    public void health(ViewHealthUseCase viewHealth, CheckHealthUseCase checkHealth) {
        health = new HealthResource(viewHealth, checkHealth);
    }

    /** The tenants needing action, and the counts by state, for admins. */
    public void adminHealth(ViewHealthUseCase viewHealth) {
        adminHealth = new AdminHealthResource(viewHealth);
    }

    /** The events for the platform, for admins. */
    public void adminEvents(EventsAdminUseCase eventsAdmin) {
        adminEvents = new AdminEventsResource(eventsAdmin);
    }

    /** Meta's public webhook endpoints: the handshake and the bodies. */
    public void webhooks(
            WebhookHandshakeUseCase handshake, AuthenticateWebhookUseCase authenticate, ReceiveWebhookUseCase receive) {
        webhooks = new WebhooksResource(handshake, authenticate, receive);
    }

    /** A tenant's webhook settings, and resubscribing its account. */
    public void webhookSettings(WebhookSettingsUseCase settings, ResubscribeWebhookUseCase resubscribe) {
        webhookSettings = new WebhookSettingsResource(settings, resubscribe);
    }

    /** The webhook changes nobody owned, for admins. */
    public void adminWebhooks(UnroutableWebhookChangesUseCase unroutable) {
        adminWebhooks = new AdminWebhooksResource(unroutable);
    }

    /** Every configuration, the statistics, the audit trail, deletions: for admins. */
    public void admin(
            ListConfigsUseCase listConfigs,
            ConfigStatisticsUseCase configStatistics,
            DeleteAllConfigsUseCase deleteAllConfigs,
            DeleteConfigUseCase deleteConfig,
            AuditTrailUseCase auditTrail,
            ViewConfigUseCase viewConfig,
            ViewHealthUseCase viewHealth,
            ViewAppDataSyncsUseCase viewAppDataSyncs,
            ConfigLoader configLoader) {
        admin = new AdminResource(
                listConfigs,
                configStatistics,
                deleteAllConfigs,
                deleteConfig,
                auditTrail,
                viewConfig,
                viewHealth,
                viewAppDataSyncs,
                configLoader);
    }

    /** One tenant as admins see and act on it (the dashboard's tenant page). */
    public void adminTenant(
            ViewConfigUseCase viewConfig,
            SwitchActivationUseCase switchActivation,
            ViewHealthUseCase viewHealth,
            CheckHealthUseCase checkHealth,
            WebhookSettingsUseCase webhookSettings) {
        adminTenant = new AdminTenantResource(viewConfig, switchActivation, viewHealth, checkHealth, webhookSettings);
    }

    /** A tenant's message templates, a read from Meta on demand, the sending code's lookup (service role) and the admins' view. */
    public void templates(
            ViewTemplatesUseCase viewTemplates, SyncTemplatesUseCase syncTemplates, LookupTemplateUseCase lookup) {
        this.viewTemplates = viewTemplates;
        this.syncTemplates = syncTemplates;
        templatesWhenWhole();
        templateLookup = new TemplateLookupResource(lookup);
        adminTemplates = new AdminTemplatesResource(viewTemplates);
    }

    /** Registers the mappers, the filters, the resources given so far and their OpenAPI description. */
    public void register(JerseyEnvironment jersey) {
        List<Object> resources = resources();
        errorMappers().forEach(jersey::register);
        filters(corsAllowedOrigins).forEach(jersey::register);
        for (Object resource : resources) {
            jersey.register(resource);
        }
        jersey.register(openApi(version, resources));
    }

    /** The resources given so far, always in one order (the OpenAPI description lists them in it). */
    List<Object> resources() {
        if ((viewTemplates == null) != (createTemplate == null)) {
            throw new IllegalStateException(
                    "The templates resource needs both templates(...) and templateManagement(...)");
        }
        List<Object> resources = new ArrayList<>();
        for (Object resource : new Object[] {
            tenantConfig,
            phoneNumbers,
            businessProfiles,
            accounts,
            templates,
            resolvedConfig,
            lookup,
            health,
            adminHealth,
            adminEvents,
            history,
            admin,
            adminTenant,
            adminAccounts,
            onboarding,
            signupSessions,
            adminSignupSessions,
            webhooks,
            webhookSettings,
            adminWebhooks,
            templateLookup,
            adminTemplates
        }) {
            if (resource != null) {
                resources.add(resource);
            }
        }
        resources.add(auth);
        return resources;
    }

    /** Every error the API can answer with, in one format (see {@code Problem}). */
    static List<Object> errorMappers() {
        return List.of(
                new ApiExceptionMapper(),
                new InvalidRequestMapper(),
                new JsonProcessingMapper(),
                new ConstraintViolationMapper(),
                new WebApplicationExceptionMapper(),
                new StoreUnavailableMapper(),
                new SecretUnreadableMapper(),
                new UnexpectedExceptionMapper());
    }

    /** Request ids, the body size limit and CORS. */
    static List<Object> filters(List<String> corsAllowedOrigins) {
        return List.of(new RequestIdentity(), new RequestBodyLimitFilter(), new CorsFilter(corsAllowedOrigins));
    }

    /** The OpenAPI description of the given resources. */
    static Object openApi(String version, List<Object> resources) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Object resource : resources) {
            classes.add(resource.getClass());
        }
        return OpenApiResource.describing(classes, version);
    }

    /** The headers the admin dashboard's files go out with, for the paths under {@link #DASHBOARD_PATH}. */
    public static Filter dashboardHeaders() {
        return new DashboardHeaders();
    }

    /** The body of an error answer, as the API writes every one (to be written with the API's JSON mapper). */
    public static Object problem(int status, String detail) {
        return Problem.of(status, detail);
    }

    /** Whether {@code path} (with or without its leading slash) is one of Meta's public webhook paths. */
    public static boolean isWebhookPath(String path) {
        return RequestBodyLimitFilter.isWebhookPath(path);
    }

    /** The largest body a request to {@code path} may carry: the rule the API's own filter applies. */
    public static int largestBody(String path) {
        return RequestBodyLimitFilter.largestBody(path);
    }
}
