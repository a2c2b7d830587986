package io.tenantconfig.bootstrap.credentials;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.tenantconfig.application.port.out.CredentialFallback;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform-wide fallback credentials: the process environment first, then a {@code .env}
 * file (read with dotenv-java). Read at start and again on {@link #reload()}; lookups read the
 * snapshot in memory. Values are never logged, only how many variables were read.
 */
public final class EnvironmentFallback implements CredentialFallback {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentFallback.class);

    private final Path dotenvFile;
    private final Map<String, String> environment;
    private volatile Map<String, String> dotenv = Map.of();

    /** @param environment the process environment ({@code System.getenv()}); tests pass their own */
    public EnvironmentFallback(Path dotenvFile, Map<String, String> environment) {
        this.dotenvFile = dotenvFile;
        this.environment = Map.copyOf(environment);
        reload();
    }

    /** Reads the {@code .env} file again; a missing file means no values from it. */
    public synchronized void reload() {
        Path directory = dotenvFile.toAbsolutePath().getParent();
        Dotenv loaded = Dotenv.configure()
                .directory(directory == null ? "." : directory.toString())
                .filename(dotenvFile.getFileName().toString())
                .ignoreIfMissing()
                .load();
        Map<String, String> values = new HashMap<>();
        for (DotenvEntry entry : loaded.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
            values.put(entry.getKey(), entry.getValue());
        }
        dotenv = Map.copyOf(values);
        LOG.info("Fallback credentials: {} variables from {}", values.size(), dotenvFile);
    }

    @Override
    public Optional<String> lookup(String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            value = dotenv.get(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
