package io.tenantconfig.bootstrap.database;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL run from the binaries on the classpath, for development: no server to install.
 * Its data lives in {@link #getDataDirectory()} and survives restarts. The binaries are not in the
 * production jar; {@code ./run.sh} puts them on the classpath from {@code bootstrap/target/dev-lib}.
 */
public class EmbeddedPostgresFactory {

    @NotEmpty
    private String dataDirectory = "./data/postgres";

    @JsonProperty
    public String getDataDirectory() {
        return dataDirectory;
    }

    @JsonProperty
    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server on a free port; the library's shutdown hook stops it if nothing else does. */
    EmbeddedDatabase start() {
        try {
            Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
            Files.createDirectories(directory);
            // The library's defaults suit throwaway test databases (no fsync, commits not waited
            // for); this one keeps a developer's data, and what it acknowledged must survive a crash.
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start());
        } catch (IllegalStateException e) {
            if ("Missing embedded postgres binaries".equals(e.getMessage())) {
                throw new IllegalStateException(
                        "The embedded PostgreSQL is for development and its binaries are not in the production jar:"
                                + " start it with ./run.sh (which adds bootstrap/target/dev-lib to the classpath),"
                                + " or give the service a database of its own (DATABASE_URL, config.yml).",
                        e);
            }
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL with its data in " + dataDirectory
                            + ". Is another instance of the service using that folder?",
                    e);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL with its data in " + dataDirectory
                            + ". Is another instance of the service using that folder?",
                    e);
        }
    }
}
