package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.tenantconfig.testing.SecretValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs the service's command line as an operator does ({@code java -jar tenant-config.jar ...}),
 * with the same commands and bundles, in this JVM: standard input given, standard output returned.
 */
final class CommandLine {

    private CommandLine() {}

    /** What the command printed; the command must succeed. Its output is treated as secret. */
    static String run(String stdin, String... args) throws Exception {
        Outcome outcome = attempt(stdin, args);
        assertThat(outcome.failure()).as(outcome.err()).isEmpty();
        return outcome.out();
    }

    /** What a command printed on each stream, and how it failed (empty when it did not). */
    record Outcome(String out, String err, Optional<Throwable> failure) {}

    /** Runs a command that may fail. */
    static synchronized Outcome attempt(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        Optional<Throwable> failure;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            TenantConfigApplication application = new TenantConfigApplication();
            Bootstrap<TenantConfigConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            failure = new Cli(
                            new JarLocation(CommandLine.class),
                            bootstrap,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(args);
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return new Outcome(
                SecretValues.secret(out.toString(StandardCharsets.UTF_8).strip()),
                err.toString(StandardCharsets.UTF_8).strip(),
                failure);
    }
}
