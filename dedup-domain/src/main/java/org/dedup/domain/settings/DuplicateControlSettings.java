package org.dedup.domain.settings;

import java.util.List;
import java.util.Set;

import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;
import org.dedup.domain.standardize.StandardizationOptions;

/**
 * A tenant's duplicate-control settings: every option of the Kommo "Duplicate control" tab, plus the merge limit
 * (3 in Kommo) and the standardization options.
 */
public record DuplicateControlSettings(Set<MatchMethod> methods, List<CustomFieldDefinition> matchedFields,
                                       SearchScope scope, ConflictPolicy conflictPolicy,
                                       MultiMatchPolicy multiMatchPolicy, int mergeLimit, AfterMerge afterMerge,
                                       StandardizationOptions standardization) {
    public static final int DEFAULT_MERGE_LIMIT = 3;
    /** The most leads one arrival may be merged into; each is locked and rewritten in the arrival's transaction. */
    public static final int MAX_MERGE_LIMIT = 50;

    public DuplicateControlSettings {
        methods = Require.copy(methods, "methods");
        matchedFields = Require.copy(matchedFields, "matched fields");
        Require.nonNull(scope, "scope");
        Require.nonNull(conflictPolicy, "conflict policy");
        Require.nonNull(multiMatchPolicy, "multi-match policy");
        if (mergeLimit < 1 || mergeLimit > MAX_MERGE_LIMIT) {
            throw new InvalidRecordException("merge limit must be between 1 and " + MAX_MERGE_LIMIT + ", was "
                    + mergeLimit);
        }
        Require.nonNull(afterMerge, "after-merge action");
        Require.nonNull(standardization, "standardization options");
    }

    /** Email and phone matching over every pipeline, updating the existing lead, the newest of 2-3, no task. */
    public static DuplicateControlSettings defaults() {
        return new DuplicateControlSettings(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE), List.of(),
                SearchScope.everything(), ConflictPolicy.UPDATE_EXISTING, MultiMatchPolicy.UPDATE_NEWEST,
                DEFAULT_MERGE_LIMIT, AfterMerge.noTask(), StandardizationOptions.defaults());
    }

    public boolean enabled(MatchMethod method) {
        return methods.contains(method);
    }

    public DuplicateControlSettings withMethods(Set<MatchMethod> newMethods) {
        return new DuplicateControlSettings(newMethods, matchedFields, scope, conflictPolicy, multiMatchPolicy,
                mergeLimit, afterMerge, standardization);
    }

    public DuplicateControlSettings withMatchedFields(List<CustomFieldDefinition> fields) {
        return new DuplicateControlSettings(methods, fields, scope, conflictPolicy, multiMatchPolicy,
                mergeLimit, afterMerge, standardization);
    }

    public DuplicateControlSettings withScope(SearchScope newScope) {
        return new DuplicateControlSettings(methods, matchedFields, newScope, conflictPolicy, multiMatchPolicy,
                mergeLimit, afterMerge, standardization);
    }

    public DuplicateControlSettings withConflictPolicy(ConflictPolicy policy) {
        return new DuplicateControlSettings(methods, matchedFields, scope, policy, multiMatchPolicy,
                mergeLimit, afterMerge, standardization);
    }

    public DuplicateControlSettings withMultiMatchPolicy(MultiMatchPolicy policy) {
        return new DuplicateControlSettings(methods, matchedFields, scope, conflictPolicy, policy,
                mergeLimit, afterMerge, standardization);
    }

    public DuplicateControlSettings withMergeLimit(int limit) {
        return new DuplicateControlSettings(methods, matchedFields, scope, conflictPolicy, multiMatchPolicy,
                limit, afterMerge, standardization);
    }

    public DuplicateControlSettings withAfterMerge(AfterMerge action) {
        return new DuplicateControlSettings(methods, matchedFields, scope, conflictPolicy, multiMatchPolicy,
                mergeLimit, action, standardization);
    }

    public DuplicateControlSettings withStandardization(StandardizationOptions options) {
        return new DuplicateControlSettings(methods, matchedFields, scope, conflictPolicy, multiMatchPolicy,
                mergeLimit, afterMerge, options);
    }
}
