package io.tenantconfig.bootstrap.database;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** A running embedded PostgreSQL (development), stopped with the server. */
final class EmbeddedDatabase implements Managed {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;

    EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    String user() {
        return USER;
    }

    @Override
    public void stop() throws IOException {
        server.close();
    }
}
