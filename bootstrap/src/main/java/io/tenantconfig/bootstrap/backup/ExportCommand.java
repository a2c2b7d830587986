package io.tenantconfig.bootstrap.backup;

import io.dropwizard.core.setup.Bootstrap;
import io.tenantconfig.application.port.out.ConfigBackup;
import io.tenantconfig.bootstrap.DatabaseCommand;
import io.tenantconfig.bootstrap.Progress;
import io.tenantconfig.bootstrap.TenantConfigConfiguration;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code export --to FILE [--audit] <config>}: every configuration with its numbers (and, with
 * {@code --audit}, the audit trail) into a new file, secrets as stored (encrypted), with the
 * keyset's primary key id ({@link ConfigBackup}). The file holds encrypted secrets, tenant ids and Meta
 * ids: keep it like a database backup, and the keyset elsewhere.
 */
public final class ExportCommand extends DatabaseCommand {

    public ExportCommand(Clock clock) {
        super("export", "Writes every configuration (secrets still encrypted) to a new file, for import", clock);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--to").required(true).help("the file to write; it must not exist yet");
        subparser
                .addArgument("--audit")
                .action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("the audit trail too");
        super.configure(subparser);
    }

    @Override
    protected void run(
            Bootstrap<TenantConfigConfiguration> bootstrap,
            Namespace namespace,
            TenantConfigConfiguration configuration)
            throws Exception {
        Path file = Path.of(namespace.getString("to"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            ConfigBackup.Exported exported = withDatabase(configuration, "export", database -> {
                ConfigBackup backup = database.backup();
                return backup.export(out, namespace.getBoolean("audit"), Progress.onTerminal(backup.configurations()));
            });
            out.flush();
            System.out.println("Exported: " + exported.configs() + " configurations, " + exported.numbers()
                    + " phone numbers, " + exported.audit() + " audit records to " + file
                    + ". Secrets are still encrypted: the keyset is needed to read them.");
        }
    }
}
