package io.tenantconfig.bootstrap.encryption;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code keyset generate} prints a new keyset; {@code keyset rotate} reads a keyset on standard
 * input and prints it with a new primary key; {@code keyset prune} keeps only the primary key
 * (after {@code secrets reencrypt}). Keysets go to standard output only, never to a log.
 */
public final class KeysetCommand extends Command {

    public KeysetCommand() {
        super("keyset", "Makes and rotates the Tink keyset that encrypts secrets at rest");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser
                .addArgument("action")
                .choices("generate", "rotate", "prune")
                .help("generate: print a new keyset; rotate: add a new primary key to the keyset on stdin; "
                        + "prune: keep only the primary key of the keyset on stdin");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        String action = namespace.getString("action");
        System.out.println(
                switch (action) {
                    case "generate" -> PostgresAdapters.newKeyset();
                    case "rotate" -> PostgresAdapters.rotateKeyset(stdin());
                    case "prune" -> PostgresAdapters.pruneKeyset(stdin());
                    default -> throw new IllegalArgumentException(action);
                });
    }

    private String stdin() throws IOException {
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
