package io.tenantconfig.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.health.Health;
import org.junit.jupiter.api.Test;

/** Callers take results apart with {@code match}: every case must reach its own handler, with its data. */
class ResultsTest {

    private static final TenantConfig CONFIG = TestConfigs.aConfig("acme").build();
    private static final Refusal TAKEN =
            new Refusal(Refusal.Reason.TAKEN_BY_ANOTHER_TENANT, "the phone number 1 belongs to another tenant");

    private static String outcome(WriteResult result) {
        return result.match(
                c -> "done " + c.tenantId(), () -> "not found", v -> "version " + v, r -> "refused " + r.reason());
    }

    private static String outcome(CreateConfigUseCase.Result result) {
        return result.match(c -> "created " + c.tenantId(), () -> "already exists", r -> "refused " + r.reason());
    }

    private static String outcome(DeleteAllConfigsUseCase.Result result) {
        return result.match(count -> "deleted " + count, () -> "not confirmed");
    }

    private static String outcome(OnboardingResult result) {
        return result.match(new OnboardingResult.Cases<>() {
            @Override
            public String completed(TenantConfig config) {
                return "completed " + config.tenantId();
            }

            @Override
            public String alreadyCompleted(TenantConfig config) {
                return "already completed " + config.tenantId();
            }

            @Override
            public String stepFailed(OnboardingResult.StepFailed failed) {
                return "failed at " + failed.step();
            }

            @Override
            public String nothingToResume(OnboardingStatus status) {
                return "nothing to resume from " + status;
            }

            @Override
            public String notFound() {
                return "not found";
            }

            @Override
            public String interrupted() {
                return "interrupted";
            }

            @Override
            public String refused(Refusal refusal) {
                return "refused " + refusal.reason();
            }
        });
    }

    @Test
    void a_health_check_result_reaches_its_own_handler() {
        assertThat(new CheckHealthUseCase.Result.Checked(Health.NEVER_CHECKED)
                        .<String>match(h -> "checked " + h.state(), () -> "not found"))
                .isEqualTo("checked UNKNOWN");
        assertThat(new CheckHealthUseCase.Result.NotFound().<String>match(h -> "checked", () -> "not found"))
                .isEqualTo("not found");
    }

    @Test
    void a_write_result_reaches_its_own_handler() {
        assertThat(outcome(new WriteResult.Done(CONFIG))).isEqualTo("done acme");
        assertThat(outcome(new WriteResult.NotFound())).isEqualTo("not found");
        assertThat(outcome(new WriteResult.VersionMismatch(4))).isEqualTo("version 4");
        assertThat(outcome(new WriteResult.Refused(TAKEN))).isEqualTo("refused TAKEN_BY_ANOTHER_TENANT");
    }

    @Test
    void a_create_result_reaches_its_own_handler() {
        assertThat(outcome(new CreateConfigUseCase.Result.Created(CONFIG))).isEqualTo("created acme");
        assertThat(outcome(new CreateConfigUseCase.Result.AlreadyExists())).isEqualTo("already exists");
        assertThat(outcome(new CreateConfigUseCase.Result.Refused(TAKEN))).isEqualTo("refused TAKEN_BY_ANOTHER_TENANT");
    }

    @Test
    void a_delete_all_result_reaches_its_own_handler() {
        assertThat(outcome(new DeleteAllConfigsUseCase.Result.Deleted(3))).isEqualTo("deleted 3");
        assertThat(outcome(new DeleteAllConfigsUseCase.Result.NotConfirmed())).isEqualTo("not confirmed");
    }

    @Test
    void an_onboarding_result_reaches_its_own_handler() {
        MetaFailure failure = MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta is down");

        assertThat(outcome(new OnboardingResult.Completed(CONFIG))).isEqualTo("completed acme");
        assertThat(outcome(new OnboardingResult.AlreadyCompleted(CONFIG))).isEqualTo("already completed acme");
        assertThat(outcome(new OnboardingResult.StepFailed(OnboardingStep.SUBSCRIBE_WABA, failure, true)))
                .isEqualTo("failed at SUBSCRIBE_WABA");
        assertThat(outcome(new OnboardingResult.NothingToResume(OnboardingStatus.NOT_STARTED)))
                .isEqualTo("nothing to resume from NOT_STARTED");
        assertThat(outcome(new OnboardingResult.NotFound())).isEqualTo("not found");
        assertThat(outcome(new OnboardingResult.Interrupted())).isEqualTo("interrupted");
        assertThat(outcome(new OnboardingResult.Refused(TAKEN))).isEqualTo("refused TAKEN_BY_ANOTHER_TENANT");
    }
}
