package io.tenantconfig.bootstrap.encryption;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.tenantconfig.adapters.persistence.SecretReencryption;
import io.tenantconfig.bootstrap.TenantConfigConfiguration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code secrets reencrypt config.yml}: re-encrypts every stored secret with the primary key of
 * the configured keyset, and encrypts values still stored in clear. Safe to interrupt and rerun.
 */
public final class SecretsCommand extends ConfiguredCommand<TenantConfigConfiguration> {

    public SecretsCommand() {
        super("secrets", "Re-encrypts stored secrets with the current primary key");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("reencrypt").help("reencrypt: every secret with the primary key");
        subparser
                .addArgument("--batch-size")
                .type(Integer.class)
                .setDefault(500)
                .help("rows per transaction");
        super.configure(subparser);
    }

    @Override
    protected void run(
            Bootstrap<TenantConfigConfiguration> bootstrap,
            Namespace namespace,
            TenantConfigConfiguration configuration)
            throws Exception {
        ManagedDataSource dataSource =
                configuration.getDatabase().dataSourceForCommands().build(new MetricRegistry(), "reencrypt");
        try {
            SecretReencryption.Report report = new SecretReencryption(
                            Jdbi.create(dataSource),
                            configuration.getEncryption().cipher())
                    .run(namespace.getInt("batch_size"), System.out::println);
            System.out.println("Done: " + report.rows() + " rows, " + report.reencrypted() + " values re-encrypted, "
                    + report.alreadyCurrent() + " already under the primary key.");
        } finally {
            dataSource.stop();
        }
    }
}
