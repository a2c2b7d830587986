package io.tenantconfig.bootstrap;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.SecretValues;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration file as an operator writes one for the commands: the database, the token secret, the keyset file. */
final class OperatorConfig {

    static final String HMAC_SECRET = SecretValues.secret("command-test-secret-of-at-least-32-bytes-0123");

    private OperatorConfig() {}

    /** Writes {@code name}.yml and its keyset file into {@code directory}. */
    static Path write(Path directory, String name, TestDatabase database, String keyset, String extraAuth)
            throws Exception {
        Path keysetFile = Files.writeString(directory.resolve(name + "-keyset.json"), keyset);
        return Files.writeString(directory.resolve(name + ".yml"), """
                database:
                  url: %s
                  user: %s
                auth:
                  algorithms: [HS256]
                  hmacSecret: %s
                %s
                meta:
                  appId: "1234567890"
                  appSecret: not-a-real-app-secret
                encryption:
                  keysetFile: %s
                """.formatted(
                        database.jdbcUrl(), TestDatabase.USER, HMAC_SECRET, extraAuth, keysetFile));
    }
}
