package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.rest.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The body limit holds however a reader consumes the body, byte by byte or in blocks. */
class RequestBodyLimitFilterTest {

    private static InputStream limited(int bytes) {
        return new RequestBodyLimitFilter.LimitedInputStream(
                new ByteArrayInputStream(new byte[bytes]), RequestBodyLimitFilter.MAX_BODY_BYTES);
    }

    @Test
    void a_body_of_exactly_64_kib_read_byte_by_byte_is_read_whole() throws Exception {
        InputStream body = limited(RequestBodyLimitFilter.MAX_BODY_BYTES);
        int count = 0;
        while (body.read() >= 0) {
            count++;
        }

        assertThat(count).isEqualTo(RequestBodyLimitFilter.MAX_BODY_BYTES);
    }

    @Test
    void the_byte_past_64_kib_is_refused_with_413_whichever_way_it_is_read() {
        InputStream byteByByte = limited(RequestBodyLimitFilter.MAX_BODY_BYTES + 1);
        InputStream inBlocks = limited(RequestBodyLimitFilter.MAX_BODY_BYTES + 1);

        assertThatThrownBy(() -> {
                    while (byteByByte.read() >= 0) {
                        // reading
                    }
                })
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> inBlocks.readAllBytes())
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.detail()).isEqualTo("The request body is larger than 64 KiB."));
    }

    @Test
    void a_content_length_of_any_size_is_read_as_a_number_and_one_that_is_not_a_number_is_400() {
        assertThat(RequestBodyLimitFilter.declaredLength("2147483648")).isEqualTo(2_147_483_648L);
        assertThat(RequestBodyLimitFilter.declaredLength("999999999999")).isEqualTo(999_999_999_999L);
        assertThat(RequestBodyLimitFilter.declaredLength("99999999999999999999999"))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(RequestBodyLimitFilter.declaredLength(null)).isEqualTo(-1);
        assertThatThrownBy(() -> RequestBodyLimitFilter.declaredLength("12abc"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.detail()).isEqualTo("The Content-Length header is not a number of bytes."));
        assertThatThrownBy(() -> RequestBodyLimitFilter.declaredLength("-1"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
