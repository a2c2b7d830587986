package io.tenantconfig.adapters.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tenantconfig.domain.FieldUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A partial update tells "left out" (keep), {@code null} (clear) and a value (set) apart, each read as its type. */
class FieldUpdateDeserializerTest {

    private final ObjectMapper mapper = RequestJson.configure(new ObjectMapper());

    record Update(
            @JsonProperty("name") FieldUpdate<String> name,
            @JsonProperty("active") FieldUpdate<Boolean> active,
            @JsonProperty("tags") FieldUpdate<List<String>> tags) {}

    @Test
    void a_field_left_out_keeps_null_clears_and_a_value_sets() throws Exception {
        Update update = mapper.readValue("{\"name\":null,\"active\":false,\"tags\":[\"a\",\"b\"]}", Update.class);
        Update empty = mapper.readValue("{}", Update.class);

        assertThat(update.name()).isEqualTo(FieldUpdate.clear());
        assertThat(update.active()).isEqualTo(FieldUpdate.to(false));
        assertThat(update.tags()).isEqualTo(FieldUpdate.to(List.of("a", "b")));
        assertThat(empty.name()).isEqualTo(FieldUpdate.keep());
        assertThat(empty.tags()).isEqualTo(FieldUpdate.keep());
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_by_the_fields_own_type() {
        assertThatThrownBy(() -> mapper.readValue("{\"active\":\"yes\"}", Update.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"name\":123}", Update.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
