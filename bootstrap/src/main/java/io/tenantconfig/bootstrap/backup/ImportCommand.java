package io.tenantconfig.bootstrap.backup;

import io.dropwizard.core.setup.Bootstrap;
import io.tenantconfig.application.port.out.ConfigBackup;
import io.tenantconfig.bootstrap.DatabaseCommand;
import io.tenantconfig.bootstrap.PartlyDone;
import io.tenantconfig.bootstrap.Progress;
import io.tenantconfig.bootstrap.TenantConfigConfiguration;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code import --from FILE <config>}: restores an export into this database, empty or not ({@link
 * ConfigBackup}): tenants not here are created, those here at the same version left alone, those here at
 * another version (or whose account or numbers another tenant holds here) reported and left alone;
 * exit status 2 when any was. Running it again changes nothing more. The schema must be migrated
 * first ({@code db migrate}); afterwards {@code secrets verify} says whether the keyset reads
 * every restored secret.
 */
public final class ImportCommand extends DatabaseCommand {

    public ImportCommand(Clock clock) {
        super("import", "Restores the configurations of an export file, idempotently", clock);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--from").required(true).help("a file written by export");
        super.configure(subparser);
    }

    @Override
    protected void run(
            Bootstrap<TenantConfigConfiguration> bootstrap,
            Namespace namespace,
            TenantConfigConfiguration configuration)
            throws Exception {
        Path file = Path.of(namespace.getString("from"));
        long lines;
        try (var counted = Files.lines(file, StandardCharsets.UTF_8)) {
            lines = Math.max(0, counted.count() - 2);
        }
        ConfigBackup.Restored restored;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            restored = withDatabase(
                    configuration, "import", database -> database.backup().restore(in, Progress.onTerminal(lines)));
        }
        for (ConfigBackup.Conflict conflict : restored.conflicts()) {
            System.out.println("Not restored: tenant " + conflict.tenantId() + ": " + conflict.why() + ".");
        }
        System.out.println("Imported: " + restored.created() + " configurations created, " + restored.unchanged()
                + " already here at the same version, " + restored.conflicts().size() + " not restored, "
                + restored.audit() + " audit records"
                + (restored.auditSkipped() ? " (the audit trail here is not empty: the file's was not restored)" : "")
                + ".");
        if (!restored.conflicts().isEmpty()) {
            throw new PartlyDone(restored.conflicts().size() + " configurations of the file were not restored; they are"
                    + " listed above. Everything else was.");
        }
    }
}
