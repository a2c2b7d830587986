package io.tenantconfig.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateCatalogueTypesTest {

    private static Template approved() {
        return new Template(
                MetaId.parse("1667192013751005"),
                TemplateName.parse("order_shipped"),
                TemplateLanguage.parse("en_US"),
                TemplateStatus.APPROVED,
                TemplateCategory.UTILITY,
                TemplateQuality.parse("GREEN"),
                null,
                List.of(TemplateComponent.body(2)));
    }

    @Test
    void a_status_meta_adds_later_is_held_as_written_and_only_an_approved_template_is_sendable() {
        TemplateStatus added = TemplateStatus.parse("archived_by_meta");
        assertThat(added.value()).isEqualTo("ARCHIVED_BY_META");
        assertThat(added.known()).isFalse();
        assertThat(added.sendable()).isFalse();
        assertThat(TemplateStatus.parse("PAUSED").known()).isTrue();
        assertThat(TemplateStatus.APPROVED.sendable()).isTrue();
        assertThatThrownBy(() -> TemplateStatus.parse("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TemplateStatus.parse("APPROVED; DROP")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void each_placeholder_counts_once_positional_or_named() {
        assertThat(TemplateParameters.in("Hi {{1}}, order {{2}} for {{1}}")).isEqualTo(2);
        assertThat(TemplateParameters.in("Hi {{first_name}}")).isEqualTo(1);
        assertThat(TemplateParameters.in("No parameters {here}")).isZero();
        assertThat(TemplateParameters.in(null)).isZero();
    }

    @Test
    void a_change_of_status_category_or_quality_is_a_change_and_one_of_components_alone_is_not() {
        Template before = approved();

        assertThat(before.withStatus(TemplateStatus.PAUSED, null).changedFrom(before))
                .hasValueSatisfying(change -> assertThat(change.changed()).containsExactly("status"));
        assertThat(before.withQuality(TemplateQuality.parse("RED")).changedFrom(before))
                .hasValueSatisfying(change -> assertThat(change.changed()).containsExactly("quality"));
        assertThat(before.withCategory(TemplateCategory.MARKETING).changedFrom(before))
                .hasValueSatisfying(change -> assertThat(change.changed()).containsExactly("category"));
        assertThat(before.withComponents(List.of(TemplateComponent.body(3))).changedFrom(before))
                .isEmpty();
    }

    @Test
    void metas_none_is_no_rejection_reason_and_only_a_button_has_a_position() {
        assertThat(approved().withStatus(TemplateStatus.APPROVED, "NONE").rejectionReason())
                .isNull();
        assertThatThrownBy(() -> new TemplateComponent(TemplateComponent.BODY, null, 0, 1))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TemplateComponent.body(-1)).isInstanceOf(InvalidValueException.class);
    }
}
