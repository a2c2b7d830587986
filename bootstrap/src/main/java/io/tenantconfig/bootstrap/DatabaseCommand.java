package io.tenantconfig.bootstrap;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.db.ManagedDataSource;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * A command that works on the configured database without the server ({@code secrets},
 * {@code export}, {@code import}): a pool of its own for the work, stopped afterwards, and the
 * database's adapters on it as the commands use them (nothing kept in memory); a failure it
 * has reported itself ({@link PartlyDone}), or a file or argument it cannot use, ends it with that
 * one line and no stack trace.
 */
public abstract class DatabaseCommand extends ConfiguredCommand<TenantConfigConfiguration> {

    private final Clock clock;

    /** @param clock the service's clock */
    protected DatabaseCommand(String name, String description, Clock clock) {
        super(name, description);
        this.clock = clock;
    }

    /** Work on the database. */
    @FunctionalInterface
    protected interface Work<T> {
        T on(PostgresAdapters database) throws Exception;
    }

    protected <T> T withDatabase(TenantConfigConfiguration configuration, String name, Work<T> work) throws Exception {
        ManagedDataSource dataSource =
                configuration.getDatabase().dataSourceForCommands().build(new MetricRegistry(), name);
        try {
            return work.on(PostgresAdapters.direct(
                    Jdbi.create(dataSource), configuration.getEncryption().keyset(), clock));
        } finally {
            dataSource.stop();
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof PartlyDone || e instanceof IllegalArgumentException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
