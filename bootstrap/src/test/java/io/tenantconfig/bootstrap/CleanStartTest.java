package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh process, started as {@code ./run.sh} starts it (dev.yml, an embedded PostgreSQL with no
 * data yet), prints nothing at WARN or above until it serves: an operator's first look at the log
 * is not a list of things to learn to ignore. A process of its own, since logging and the request
 * log are set up once per JVM.
 */
class CleanStartTest {

    private static final Path DEV_YML =
            Path.of("..", "dev.yml").toAbsolutePath().normalize();
    /** Dropwizard's own levels, logback's status lines, and the JDK's (java.util.logging, the JVM). */
    private static final Pattern WARNING =
            Pattern.compile("^(WARN|ERROR)\\b.*|.*\\|-(WARN|ERROR) .*|^(WARNING|SEVERE):.*|.*Exception.*");

    @TempDir
    Path data;

    @Test
    void a_fresh_instance_prints_no_warning_while_it_starts() throws Exception {
        Path keyset = data.resolve("encryption-keyset.json");
        // A keyset made beforehand: a missing one is generated, and that is rightly a warning.
        Files.writeString(keyset, PostgresAdapters.newKeyset());
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Ddw.server.applicationConnectors[0].port=0",
                        "-Ddw.server.adminConnectors[0].port=0",
                        "-Ddw.database.embedded.dataDirectory=" + data.resolve("postgres"),
                        "-Ddw.encryption.keysetFile=" + keyset,
                        "-D" + TenantConfigApplication.ENVIRONMENT_PROPERTY + "=none",
                        TenantConfigApplication.class.getName(),
                        "server",
                        DEV_YML.toString())
                .redirectErrorStream(true)
                .start();
        List<String> printed = new ArrayList<>();
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (printed) {
                        printed.add(line);
                    }
                    if (line.contains("org.eclipse.jetty.server.Server: Started")) {
                        return true;
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        try {
            assertThat(started.get(90, TimeUnit.SECONDS))
                    .as("started; printed:%n%s", printed)
                    .isTrue();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }

        synchronized (printed) {
            assertThat(printed)
                    .filteredOn(line -> WARNING.matcher(line).matches())
                    .as("printed while starting")
                    .isEmpty();
        }
    }
}
