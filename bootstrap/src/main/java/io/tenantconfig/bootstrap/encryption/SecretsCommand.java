package io.tenantconfig.bootstrap.encryption;

import io.dropwizard.core.setup.Bootstrap;
import io.tenantconfig.application.port.out.EncryptedSecrets;
import io.tenantconfig.bootstrap.DatabaseCommand;
import io.tenantconfig.bootstrap.PartlyDone;
import io.tenantconfig.bootstrap.Progress;
import io.tenantconfig.bootstrap.TenantConfigConfiguration;
import java.time.Clock;
import java.util.function.LongConsumer;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code secrets reencrypt config.yml}: re-encrypts every stored secret with the primary key of
 * the configured keyset, and encrypts values still stored in clear; {@code secrets verify}
 * reads every secret and reports, changing nothing. Both name each value that does not decrypt
 * (table, row, tenant, column; never the value), go on with the rest, and end with a summary;
 * they exit with 2 when some value did not decrypt. Safe to interrupt and rerun. On a terminal
 * they show progress (rows, rate, time left) after each batch.
 */
public final class SecretsCommand extends DatabaseCommand {

    /** The exit status when some stored value does not decrypt. */
    public static final int SOME_UNREADABLE = PartlyDone.EXIT_STATUS;

    public SecretsCommand(Clock clock) {
        super(
                "secrets",
                "Re-encrypts stored secrets with the current primary key, or checks that each one decrypts",
                clock);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser
                .addArgument("action")
                .choices("reencrypt", "verify")
                .help("reencrypt: every secret with the primary key; verify: only read and report");
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
        boolean verify = "verify".equals(namespace.getString("action"));
        int batch = namespace.getInt("batch_size");
        EncryptedSecrets.Report report = withDatabase(configuration, "secrets", database -> {
            EncryptedSecrets secrets = database.secrets();
            LongConsumer progress = Progress.onTerminal(secrets.rowsToRead());
            return verify ? secrets.verify(batch, progress) : secrets.reencrypt(batch, progress);
        });
        for (EncryptedSecrets.Unreadable value : report.unreadable()) {
            System.out.println("Unreadable: " + value.table() + " row " + value.rowId() + " (tenant " + value.tenantId()
                    + "), " + value.column() + ": " + EncryptedSecrets.Unreadable.WHY + ".");
        }
        System.out.println(summary(report, verify));
        if (!report.unreadable().isEmpty()) {
            throw new UnreadableSecretsException(report.unreadable().size());
        }
    }

    static String summary(EncryptedSecrets.Report report, boolean verify) {
        return (verify ? "Verified: " : "Done: ") + report.rows() + " rows, " + report.reencrypted()
                + (verify ? " values to re-encrypt, " : " values re-encrypted, ") + report.current()
                + " already under the primary key, " + report.unreadable().size() + " unreadable.";
    }

    /** Some values did not decrypt: the command ends with {@link #SOME_UNREADABLE}, after its report. */
    public static final class UnreadableSecretsException extends PartlyDone {
        public UnreadableSecretsException(int count) {
            super(count + " stored values do not decrypt; they are listed above. Nothing else is wrong with the run.");
        }
    }
}
