package org.dedup.domain.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.SearchKeys;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;

/**
 * An in-memory stand-in for a key-sharing method, for the engine's tests (the real email, phone, pixel and custom
 * field matchers are dedup-matchers' built-ins, tested there): a stored lead is found by the values of its primary
 * contact's fields, an incoming lead offers those of all its contacts, and sharing one makes a duplicate. As the
 * built-ins do, it keys values as the duplicate search does ({@link SearchKeys}), so a probe also finds leads whose
 * other contacts hold the value, and the verdict keeps to the primary contact.
 */
public final class SharedFieldMatcher implements Matcher {
    private final MatchMethod method;
    private final Predicate<ProfileField> indexed;
    private final Function<MatchContext, List<ProfileField>> probed;
    private final ControlTraits traits;

    private SharedFieldMatcher(MatchMethod method, Predicate<ProfileField> indexed,
                               Function<MatchContext, List<ProfileField>> probed, ControlTraits traits) {
        this.method = method;
        this.indexed = indexed;
        this.probed = probed;
        this.traits = traits;
    }

    private static SharedFieldMatcher on(MatchMethod method, ProfileField field) {
        return new SharedFieldMatcher(method, field::equals, context -> List.of(field), ControlTraits.DEFAULT);
    }

    public static SharedFieldMatcher email() {
        return on(MatchMethod.EMAIL, ProfileField.EMAIL);
    }

    public static SharedFieldMatcher phone() {
        return on(MatchMethod.PHONE, ProfileField.PHONE);
    }

    /** By pixel, on every channel (the built-in checks chats only). */
    public static SharedFieldMatcher pixel() {
        return new SharedFieldMatcher(KommoMethods.TRACKING_PIXEL, ProfileField.PIXEL::equals,
                context -> List.of(ProfileField.PIXEL), KommoMethods.TRACKING_PIXEL_TRAITS);
    }

    /** By the custom fields the tenant's settings choose. */
    public static SharedFieldMatcher customFields() {
        return new SharedFieldMatcher(MatchMethod.CUSTOM_FIELD, ProfileField::isCustom, context ->
                context.settings().matchedFields().stream().map(f -> ProfileField.custom(f.key())).toList(),
                ControlTraits.DEFAULT);
    }

    @Override
    public MatchMethod method() {
        return method;
    }

    @Override
    public ControlTraits controlTraits() {
        return traits;
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        Set<MatchKey> keys = new HashSet<>();
        stored.primary().fields().forEach((field, values) -> {
            if (indexed.test(field)) {
                values.forEach(value -> keys.add(key(field, value)));
            }
        });
        return keys;
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        Set<MatchKey> keys = new HashSet<>();
        probed.apply(context).forEach(field -> incoming.all().values(field).forEach(v -> keys.add(key(field, v))));
        return keys;
    }

    @Override
    public boolean matchesOnSharedKey() {
        return true;
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        List<MatchCandidate> matches = new ArrayList<>();
        for (LeadProfile candidate : candidates) {
            List<FieldMatch> shared = new ArrayList<>();
            for (ProfileField field : probed.apply(context)) {
                Set<String> offered = incoming.all().values(field);
                candidate.primary().values(field).stream().filter(offered::contains).sorted()
                        .forEach(value -> shared.add(FieldMatch.equal(field.name(), value)));
            }
            if (!shared.isEmpty()) {
                matches.add(new MatchCandidate(candidate.lead().id(), method, Verdict.DUPLICATE, 1.0, shared));
            }
        }
        return matches;
    }

    private static MatchKey key(ProfileField field, String value) {
        return SearchKeys.key(field, value);
    }
}
