package io.tenantconfig.bootstrap;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code token --tenant acme --roles admin dev.yml}: prints a token signed with the configured
 * secret, for trying the API locally. Production tokens come from the platform's issuer.
 */
final class TokenCommand extends ConfiguredCommand<TenantConfigConfiguration> {

    private final Clock clock;

    TokenCommand(Clock clock) {
        super("token", "Prints a signed JWT for local use (needs an HMAC secret in the configuration)");
        this.clock = clock;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--tenant").help("the tenant_id claim (leave out for a tenant-less admin token)");
        subparser.addArgument("--subject").setDefault("local-developer").help("the user (sub and user_id claims)");
        subparser.addArgument("--roles").setDefault("").help("comma-separated roles, e.g. admin or service");
        subparser.addArgument("--ttl").setDefault("PT12H").help("how long the token is valid, ISO-8601 (PT12H)");
    }

    @Override
    protected void run(
            Bootstrap<TenantConfigConfiguration> bootstrap,
            Namespace namespace,
            TenantConfigConfiguration configuration) {
        List<String> roles = Arrays.stream(namespace.getString("roles").split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .toList();
        System.out.println(configuration
                .getAuth()
                .mint(
                        clock,
                        namespace.getString("subject"),
                        namespace.getString("tenant"),
                        roles,
                        Duration.parse(namespace.getString("ttl"))));
    }
}
