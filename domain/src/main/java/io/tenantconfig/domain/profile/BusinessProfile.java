package io.tenantconfig.domain.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A number's business profile as Meta shows it to customers: its about text, address,
 * description, email, websites, industry ({@code vertical}, as Meta wrote it: Meta may answer a
 * value this service does not know yet) and the URL of its profile picture (Meta's to set). Each
 * is {@code null} when Meta gave none.
 */
public record BusinessProfile(
        String about,
        String address,
        String description,
        String email,
        List<String> websites,
        String vertical,
        String profilePictureUrl) {

    public static final BusinessProfile EMPTY = new BusinessProfile(null, null, null, null, List.of(), null, null);

    public BusinessProfile {
        websites = websites == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(websites));
    }

    /** This profile with what {@code change} sets: what Meta shows once it accepted the change. */
    public BusinessProfile with(ProfileChange change) {
        return new BusinessProfile(
                change.about() == null ? about : change.about(),
                change.address() == null ? address : change.address(),
                change.description() == null ? description : change.description(),
                change.email() == null ? email : change.email(),
                change.websites() == null ? websites : change.websites(),
                change.vertical() == null ? vertical : change.vertical().name(),
                profilePictureUrl);
    }
}
