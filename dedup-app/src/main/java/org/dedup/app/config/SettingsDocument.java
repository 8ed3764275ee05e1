package org.dedup.app.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.model.CustomFieldType;
import org.dedup.domain.model.FieldLevel;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.ConflictPolicy;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.model.Require;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.standardization.PhoneRegions;

/**
 * A tenant's duplicate-control settings as written in JSON ({@code PUT /v1/settings}) and in the configuration file
 * (each tenant): every option of the Kommo tab. A missing option takes its default.
 */
public record SettingsDocument(List<String> methods, List<FieldDto> matchedFields, Map<String, List<String>> scope,
                               String conflictPolicy, String multiMatchPolicy, Integer mergeLimit,
                               TaskDto afterMergeTask, String defaultRegion, String emailFolding) {
    private static final long MAX_DUE_IN_MINUTES = AfterMerge.CreateTask.MAX_DUE_IN.toMinutes();

    public record FieldDto(String key, String type, String level) {
    }

    public record TaskDto(String text, Long dueInMinutes, String responsible) {
    }

    public static SettingsDocument of(DuplicateControlSettings s) {
        TaskDto task = s.afterMerge() instanceof AfterMerge.CreateTask t
                ? new TaskDto(t.text(), t.dueIn().toMinutes(), t.responsible()) : null;
        return new SettingsDocument(s.methods().stream().map(MatchMethod::id).sorted().toList(),
                s.matchedFields().stream().map(f -> new FieldDto(f.key(), lower(f.type()), lower(f.level()))).toList(),
                s.scope().stagesByPipeline().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().sorted().toList())),
                lower(s.conflictPolicy()), lower(s.multiMatchPolicy()), s.mergeLimit(), task,
                s.standardization().defaultRegion(), lower(s.standardization().emailFolding()));
    }

    /**
     * The settings this document describes.
     *
     * @throws InvalidRecordException naming the option that is invalid (an {@link InvalidOptionException} for a value
     *                                out of its range or set)
     */
    public DuplicateControlSettings toSettings() {
        DuplicateControlSettings defaults = DuplicateControlSettings.defaults();
        Set<MatchMethod> enabled = methods == null ? defaults.methods()
                : methods.stream().map(MatchMethod::new).collect(Collectors.toSet());
        List<CustomFieldDefinition> fields = matchedFields == null ? List.of()
                : IntStream.range(0, matchedFields.size()).mapToObj(this::matchedField).toList();
        SearchScope searchScope = scope == null ? SearchScope.everything()
                : named("scope", () -> new SearchScope(scope.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> Set.copyOf(e.getValue() == null ? List.of() : e.getValue())))));
        return new DuplicateControlSettings(enabled, fields, searchScope,
                conflictPolicy == null ? defaults.conflictPolicy() : parse(ConflictPolicy.class, conflictPolicy, "conflictPolicy"),
                multiMatchPolicy == null ? defaults.multiMatchPolicy()
                        : parse(MultiMatchPolicy.class, multiMatchPolicy, "multiMatchPolicy"),
                mergeLimit == null ? defaults.mergeLimit() : mergeLimit(mergeLimit), afterMerge(),
                new StandardizationOptions(defaultRegion == null ? defaults.standardization().defaultRegion()
                        : region(defaultRegion), emailFolding == null ? EmailFolding.NONE : parse(EmailFolding.class, emailFolding, "emailFolding")));
    }

    /** The i-th matched field; a problem is named by the field's index ({@code matchedFields[0].key}). */
    private CustomFieldDefinition matchedField(int i) {
        FieldDto field = matchedFields.get(i);
        String option = "matchedFields[" + i + "].";
        if (field == null) {
            throw new InvalidOptionException(option.substring(0, option.length() - 1), "is null; a field is expected");
        }
        CustomFieldType type = named(option + "type", () -> CustomFieldType.parse(field.type() == null ? "text"
                : field.type()));
        FieldLevel level = parse(FieldLevel.class, field.level() == null ? "lead" : field.level(), option + "level");
        return named(option + "key", () -> new CustomFieldDefinition(field.key(), type, level));
    }

    /**
     * {@code value}, a refusal of which by the model is named as {@code option}: the model's records know their own
     * rules, not how the document names their parts.
     */
    private static <T> T named(String option, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidOptionException named) {
            throw named;
        } catch (InvalidRecordException refused) {
            throw new InvalidOptionException(option, "is not valid: " + refused.getMessage());
        }
    }

    private static int mergeLimit(int value) {
        if (value < 1 || value > DuplicateControlSettings.MAX_MERGE_LIMIT) {
            throw new InvalidOptionException("mergeLimit", "must be between 1 and "
                    + DuplicateControlSettings.MAX_MERGE_LIMIT + ", was " + value);
        }
        return value;
    }

    /** A region libphonenumber has no plan for (XX) would leave every national number unread. */
    private static String region(String value) {
        if (!PhoneRegions.isSupported(value)) {
            throw new InvalidOptionException("defaultRegion", "'" + Require.abbreviate(value) + "' is not a region "
                    + "phone numbers can be read in: an ISO 3166 code libphonenumber knows, such as GB, US or DE");
        }
        return value;
    }

    private AfterMerge afterMerge() {
        if (afterMergeTask == null) {
            return AfterMerge.noTask();
        }
        long minutes = afterMergeTask.dueInMinutes() == null ? 0 : afterMergeTask.dueInMinutes();
        if (minutes < 0 || minutes > MAX_DUE_IN_MINUTES) {
            throw new InvalidOptionException("afterMergeTask.dueInMinutes", "must be between 0 and "
                    + MAX_DUE_IN_MINUTES + " (" + AfterMerge.CreateTask.MAX_DUE_IN.toDays() + " days), was " + minutes);
        }
        return named("afterMergeTask", () -> new AfterMerge.CreateTask(afterMergeTask.text(),
                Duration.ofMinutes(minutes), afterMergeTask.responsible()));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(field, "'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(SettingsDocument::lower).toList());
        }
    }
}
