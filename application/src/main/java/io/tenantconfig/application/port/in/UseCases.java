package io.tenantconfig.application.port.in;

/**
 * Every use case of the service, each behind its inbound port: what the inbound adapters are
 * given. Built once by {@code Services.wire} from the outbound ports; the REST adapter
 * ({@code RestApi.resources}) hands each resource the use cases it calls, and the tests build the
 * same set over in-memory ports.
 */
public record UseCases(
        ViewConfigUseCase viewConfig,
        RevealConfigUseCase revealConfig,
        CreateConfigUseCase createConfig,
        ChangeSettingsUseCase changeSettings,
        AddPhoneNumberUseCase addPhoneNumber,
        ChangePhoneNumberUseCase changePhoneNumber,
        RemovePhoneNumberUseCase removePhoneNumber,
        SwitchActivationUseCase switchActivation,
        DeleteConfigUseCase deleteConfig,
        DeleteAllConfigsUseCase deleteAllConfigs,
        ListConfigsUseCase listConfigs,
        ConfigStatisticsUseCase configStatistics,
        AuditTrailUseCase auditTrail,
        OnboardUseCase onboard,
        ResumeOnboardingUseCase resumeOnboarding,
        ConfigLoader configLoader,
        RevealCredentialsUseCase revealCredentials,
        CheckHealthUseCase checkHealth,
        ViewHealthUseCase viewHealth,
        SweepHealthUseCase sweepHealth,
        ReportFailureUseCase reportFailure,
        DeliverEventsUseCase deliverEvents,
        EventsAdminUseCase eventsAdmin,
        WebhookHandshakeUseCase webhookHandshake,
        AuthenticateWebhookUseCase authenticateWebhook,
        ReceiveWebhookUseCase receiveWebhook,
        WebhookSettingsUseCase webhookSettings,
        ResubscribeWebhookUseCase resubscribeWebhook,
        UnroutableChangesUseCase unroutableChanges) {}
