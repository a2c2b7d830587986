package io.tenantconfig.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tenant's phone numbers in the order they were added, and which one is the default: the one
 * the loader answers for when no number is named, and the one the earlier single-number fields
 * ({@code phone_number_id}, {@code display_phone_number}) mean. There is a default exactly when
 * there is a number, and each number appears once: the constructor refuses anything else.
 */
public record PhoneNumbers(List<PhoneNumber> all, MetaId defaultId) {

    /** The most numbers a tenant may ever have; the service may be configured to allow fewer. */
    public static final int MOST = 50;

    public static final PhoneNumbers NONE = new PhoneNumbers(List.of(), null);

    public PhoneNumbers {
        all = List.copyOf(all);
        Set<MetaId> ids = new HashSet<>();
        for (PhoneNumber number : all) {
            if (!ids.add(number.id())) {
                throw new IllegalArgumentException("the number " + number.id() + " appears twice");
            }
        }
        if (all.isEmpty() != (defaultId == null) || (defaultId != null && !ids.contains(defaultId))) {
            throw new IllegalArgumentException("there is a default number exactly when there is a number, one of them");
        }
    }

    /** Only {@code number}, the default. */
    public static PhoneNumbers only(PhoneNumber number) {
        return new PhoneNumbers(List.of(number), number.id());
    }

    public Optional<PhoneNumber> defaultNumber() {
        return defaultId == null ? Optional.empty() : find(defaultId);
    }

    public Optional<PhoneNumber> find(MetaId id) {
        return all.stream().filter(number -> number.id().equals(id)).findFirst();
    }

    public boolean contains(MetaId id) {
        return find(id).isPresent();
    }

    public boolean isDefault(MetaId id) {
        return id.equals(defaultId);
    }

    public int size() {
        return all.size();
    }

    /** The numbers of the account {@code wabaId} ({@code null}: the unnamed one), in the order they were added. */
    public List<PhoneNumber> inAccount(MetaId wabaId) {
        return all.stream()
                .filter(number -> Objects.equals(number.wabaId(), wabaId))
                .toList();
    }

    /** {@code number} added at the end; the default when it is the first. */
    Ruling<PhoneNumbers> added(PhoneNumber number, int limit) {
        if (contains(number.id())) {
            return Ruling.refused(
                    Refusal.Reason.ALREADY_ADDED, "the phone number " + number.id() + " is one of yours already");
        }
        Optional<Refusal> full = full(limit);
        if (full.isPresent()) {
            return Ruling.refused(full.get().reason(), full.get().detail());
        }
        List<PhoneNumber> more = new ArrayList<>(all);
        more.add(number);
        return Ruling.allowed(new PhoneNumbers(more, defaultId == null ? number.id() : defaultId));
    }

    /** The refusal another number would meet when the tenant may have {@code limit}. */
    Optional<Refusal> full(int limit) {
        return all.size() < Math.min(limit, MOST)
                ? Optional.empty()
                : Optional.of(new Refusal(
                        Refusal.Reason.TOO_MANY_NUMBERS,
                        "a configuration holds at most " + Math.min(limit, MOST)
                                + " phone numbers; remove one before adding another"));
    }

    /** Without the number; the default goes only when it is the last one. */
    Ruling<PhoneNumbers> removed(MetaId id) {
        if (!contains(id)) {
            return unknown(id);
        }
        if (isDefault(id) && all.size() > 1) {
            return Ruling.refused(
                    Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                    "the phone number " + id + " is the default; make another number the default before removing it");
        }
        List<PhoneNumber> rest = all.stream().filter(n -> !n.id().equals(id)).toList();
        return Ruling.allowed(new PhoneNumbers(rest, rest.isEmpty() ? null : defaultId));
    }

    /** With the number changed by {@code change}; only ever asked of a number of the list. */
    PhoneNumbers changed(MetaId id, UnaryOperator<PhoneNumber> change) {
        if (!contains(id)) {
            throw new IllegalArgumentException("the number " + id + " is not one of the list");
        }
        return new PhoneNumbers(
                all.stream().map(n -> n.id().equals(id) ? change.apply(n) : n).toList(), defaultId);
    }

    /**
     * The number becomes the default (one of the list: the constructor checks); the previous
     * default stays, as an ordinary number.
     */
    PhoneNumbers withDefault(MetaId id) {
        return new PhoneNumbers(all, id);
    }

    /**
     * What writing the single-number field {@code phone_number_id} means: {@code id} takes the
     * default's place. The previous default goes (with its PIN); a number the tenant has already
     * keeps its settings and becomes the default, a new one joins the account {@code wabaId};
     * {@code null} removes the default, allowed only when it is the last number.
     */
    Ruling<PhoneNumbers> withDefaultReplacedBy(MetaId id, MetaId wabaId) {
        if (Objects.equals(id, defaultId)) {
            return Ruling.allowed(this);
        }
        if (id == null) {
            return removed(defaultId);
        }
        List<PhoneNumber> replaced = new ArrayList<>(
                all.stream().filter(n -> !n.id().equals(defaultId)).toList());
        if (!contains(id)) {
            replaced.add(PhoneNumber.added(id, wabaId, null, null));
        }
        return Ruling.allowed(new PhoneNumbers(replaced, id));
    }

    /**
     * After a signup of {@code id} in the account {@code wabaId}: the number is added (the default
     * only when it is the first; refused past {@code limit}), or, when the tenant has it already,
     * kept as it is in that account: Meta just said which account it belongs to (and, for one still
     * to be verified here, that it is verified: it is put in use). Either way it is a
     * number of a WhatsApp Business app or not as the signup said. The tenant's other numbers stay;
     * all of them stay as they are when the signup named no number ({@code id} null).
     */
    Ruling<PhoneNumbers> signedUp(MetaId id, MetaId wabaId, boolean businessApp, int limit) {
        if (id == null) {
            return Ruling.allowed(this);
        }
        Ruling<PhoneNumbers> joined = contains(id)
                ? Ruling.allowed(changed(id, number -> number.inAccount(wabaId).signedUp()))
                : added(PhoneNumber.added(id, wabaId, null, null), limit);
        return joined.map(numbers -> numbers.changed(id, number -> number.withCoexistence(businessApp)));
    }

    /** Every number of the account {@code from} in the account {@code to} instead (the account was named or renamed). */
    PhoneNumbers movedTo(MetaId from, MetaId to) {
        return new PhoneNumbers(
                all.stream()
                        .map(n -> Objects.equals(n.wabaId(), from) ? n.inAccount(to) : n)
                        .toList(),
                defaultId);
    }

    /**
     * Without the numbers of the account {@code wabaId}; refused when it holds the default while
     * numbers of another account remain: one of those has to become the default first.
     */
    Ruling<PhoneNumbers> withoutAccount(MetaId wabaId) {
        List<PhoneNumber> rest =
                all.stream().filter(n -> !Objects.equals(n.wabaId(), wabaId)).toList();
        boolean holdsDefault =
                defaultNumber().filter(n -> Objects.equals(n.wabaId(), wabaId)).isPresent();
        if (!holdsDefault) {
            return Ruling.allowed(new PhoneNumbers(rest, defaultId));
        }
        if (!rest.isEmpty()) {
            return Ruling.refused(
                    Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                    "the account " + wabaId + " holds the default number " + defaultId
                            + "; make another number the default first");
        }
        return Ruling.allowed(NONE);
    }

    /**
     * With one number's label, use or default changed. Making one the default makes the previous
     * default an ordinary number; the default cannot stop being one by itself.
     */
    Ruling<PhoneNumbers> changed(MetaId id, PhoneNumberUpdate update) {
        if (!contains(id)) {
            return unknown(id);
        }
        PhoneNumber current = find(id).orElseThrow();
        if (!current.verification().verified() && update.active().applyTo(current.active())) {
            return Ruling.refused(
                    Refusal.Reason.NUMBER_NOT_VERIFIED,
                    "the phone number " + id + " is not verified yet; enter the code Meta sent to it"
                            + " (POST .../verify-code) and it is put in use");
        }
        PhoneNumbers changed = changed(
                id,
                number -> number.labelled(update.label().applyTo(number.label()))
                        .inUse(update.active().applyTo(number.active())));
        if (update.isDefault().applyTo(changed.isDefault(id))) {
            return Ruling.allowed(changed.withDefault(id));
        }
        if (changed.isDefault(id)) {
            return Ruling.refused(
                    Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                    "the phone number " + id + " stays the default until another number is made the default");
        }
        return Ruling.allowed(changed);
    }

    /**
     * With the number people see as {@code displayNumber} (its digits compared) named {@code name};
     * empty when there is no such number, or it has that name already.
     */
    Optional<PhoneNumbers> named(String displayNumber, VerifiedName name) {
        String digits = digitsOf(displayNumber);
        return all.stream()
                .filter(n -> n.displayNumber() != null
                        && !digits.isEmpty()
                        && digitsOf(n.displayNumber().value()).equals(digits))
                .findFirst()
                .filter(number -> !name.equals(number.verifiedName()))
                .map(number -> changed(number.id(), n -> n.named(name)));
    }

    private static String digitsOf(String displayNumber) {
        return displayNumber == null ? "" : displayNumber.replaceAll("[^0-9]", "");
    }

    private static Ruling<PhoneNumbers> unknown(MetaId id) {
        return Ruling.refused(
                Refusal.Reason.UNKNOWN_NUMBER, "the phone number " + id + " is not one of this configuration's");
    }
}
