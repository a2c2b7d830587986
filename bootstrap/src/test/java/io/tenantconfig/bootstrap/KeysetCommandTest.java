package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.tenantconfig.bootstrap.encryption.KeysetCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keyset commands as an operator types them. */
class KeysetCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Bootstrap<TenantConfigConfiguration> bootstrap = new Bootstrap<>(new TenantConfigApplication());
            bootstrap.addCommand(new KeysetCommand());
            Optional<Throwable> failure = new Cli(
                            new JarLocation(KeysetCommandTest.class),
                            bootstrap,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(args);
            assertThat(failure).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void generate_prints_a_keyset_with_one_aes256_gcm_key() throws Exception {
        JsonNode keyset = JSON.readTree(run("", "keyset", "generate"));

        assertThat(keyset.get("key")).hasSize(1);
        assertThat(keyset.at("/key/0/keyData/typeUrl").asText()).endsWith("AesGcmKey");
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
