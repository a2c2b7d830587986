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
}
