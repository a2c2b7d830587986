package io.tenantconfig.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantconfig.application.port.out.KeptBusinessProfiles;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.profile.BusinessProfile;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The business profiles Meta last answered, in {@code business_profiles}: one row per number of a
 * configuration, replaced by each answer (an upsert), gone with its configuration. A keep for a
 * tenant without a configuration keeps nothing.
 */
final class JdbiKeptBusinessProfiles implements KeptBusinessProfiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String KEEP = """
        INSERT INTO business_profiles (config_id, phone_number_id, about, address, description, email, websites,
          vertical, profile_picture_url, read_at)
        SELECT id, :number, :about, :address, :description, :email, :websites, :vertical, :picture, :readAt
        FROM tenant_configs WHERE tenant_id = :tenant
        ON CONFLICT (config_id, phone_number_id) DO UPDATE SET
          about = EXCLUDED.about, address = EXCLUDED.address, description = EXCLUDED.description,
          email = EXCLUDED.email, websites = EXCLUDED.websites, vertical = EXCLUDED.vertical,
          profile_picture_url = EXCLUDED.profile_picture_url, read_at = EXCLUDED.read_at\
        """;

    private static final String KEPT = """
        SELECT p.about, p.address, p.description, p.email, p.websites, p.vertical, p.profile_picture_url, p.read_at
        FROM business_profiles p JOIN tenant_configs c ON c.id = p.config_id
        WHERE c.tenant_id = :tenant AND p.phone_number_id = :number\
        """;

    private final Jdbi jdbi;

    JdbiKeptBusinessProfiles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Kept> kept(TenantId tenantId, MetaId phoneNumberId) {
        return jdbi.withHandle(h -> h.createQuery(KEPT)
                .bind("tenant", tenantId.value())
                .bind("number", phoneNumberId.value())
                .map((rs, ctx) -> new Kept(
                        new BusinessProfile(
                                rs.getString("about"),
                                rs.getString("address"),
                                rs.getString("description"),
                                rs.getString("email"),
                                websites(rs.getString("websites")),
                                rs.getString("vertical"),
                                rs.getString("profile_picture_url")),
                        rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    @Override
    public void keep(TenantId tenantId, MetaId phoneNumberId, BusinessProfile profile, Instant readAt) {
        String websites;
        try {
            websites = JSON.writeValueAsString(profile.websites());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
        jdbi.useHandle(h -> h.createUpdate(KEEP)
                .bind("tenant", tenantId.value())
                .bind("number", phoneNumberId.value())
                .bind("about", profile.about())
                .bind("address", profile.address())
                .bind("description", profile.description())
                .bind("email", profile.email())
                .bind("websites", websites)
                .bind("vertical", profile.vertical())
                .bind("picture", profile.profilePictureUrl())
                .bind("readAt", OffsetDateTime.ofInstant(readAt, ZoneOffset.UTC))
                .execute());
    }

    private static List<String> websites(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
