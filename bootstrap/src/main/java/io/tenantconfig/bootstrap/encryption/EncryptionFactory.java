package io.tenantconfig.bootstrap.encryption;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code encryption} section: the Tink keyset that encrypts secrets at rest. Production gives
 * it in {@code ENCRYPTION_KEYSET}; development keeps one in a file, made on first start.
 */
public class EncryptionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptionFactory.class);

    private String keyset;
    private String keysetFile;
    private boolean generateIfMissing;

    @ValidationMethod(message = "needs a keyset (ENCRYPTION_KEYSET) or, for development, a keysetFile")
    @JsonIgnore
    public boolean isKeysetGiven() {
        return (keyset != null && !keyset.isBlank()) || (keysetFile != null && !keysetFile.isBlank());
    }

    /** The configured keyset (Tink's JSON), generating the development keyset file if asked to. */
    public String keyset() {
        if (keyset != null && !keyset.isBlank()) {
            return keyset;
        }
        Path file = Path.of(keysetFile);
        try {
            if (Files.notExists(file) && generateIfMissing) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, PostgresAdapters.newKeyset());
                restrictToOwner(file);
                LOG.warn("Generated a new development encryption keyset in {}: never use it in production", file);
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the encryption keyset file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an encryption keyset", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("The file system has no POSIX permissions; {} keeps its defaults", file);
        }
    }

    @JsonProperty
    public void setKeyset(String keyset) {
        this.keyset = keyset;
    }

    @JsonProperty
    public String getKeysetFile() {
        return keysetFile;
    }

    @JsonProperty
    public void setKeysetFile(String keysetFile) {
        this.keysetFile = keysetFile;
    }

    @JsonProperty
    public boolean isGenerateIfMissing() {
        return generateIfMissing;
    }

    @JsonProperty
    public void setGenerateIfMissing(boolean generateIfMissing) {
        this.generateIfMissing = generateIfMissing;
    }
}
