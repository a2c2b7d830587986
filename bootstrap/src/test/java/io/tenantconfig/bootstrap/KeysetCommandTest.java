package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import org.junit.jupiter.api.Test;

/** The keyset commands as an operator types them. */
class KeysetCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(String stdin, String... args) throws Exception {
        return CommandLine.run(stdin, args);
    }

    @Test
    void generate_prints_a_keyset_with_one_aes256_gcm_key() throws Exception {
        String printed = run("", "keyset", "generate");
        JsonNode keyset = JSON.readTree(printed);

        assertThat(keyset.get("key")).hasSize(1);
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(printed, InsecureSecretKeyAccess.get());
        assertThat(handle.getPrimary().getKey()).isInstanceOfSatisfying(AesGcmKey.class, key -> {
            assertThat(key.getParameters().getKeySizeBytes()).as("AES-256").isEqualTo(32);
            assertThat(key.getParameters().getIvSizeBytes()).isEqualTo(12);
            assertThat(key.getParameters().getTagSizeBytes()).isEqualTo(16);
        });
    }

    @Test
    void rotate_adds_a_new_primary_key_and_keeps_the_old_one_and_prune_keeps_only_the_primary() throws Exception {
        String original = run("", "keyset", "generate");
        long originalPrimary = JSON.readTree(original).get("primaryKeyId").asLong();

        JsonNode rotated = JSON.readTree(run(original, "keyset", "rotate"));
        JsonNode pruned = JSON.readTree(run(rotated.toString(), "keyset", "prune"));

        assertThat(rotated.get("key")).hasSize(2);
        assertThat(rotated.get("primaryKeyId").asLong()).isNotEqualTo(originalPrimary);
        assertThat(pruned.get("key")).hasSize(1);
        assertThat(pruned.get("primaryKeyId").asLong())
                .isEqualTo(rotated.get("primaryKeyId").asLong());
    }
}
