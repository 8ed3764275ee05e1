package org.dedup.app.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.review.RecordMerges;

/**
 * A manual merge or its preview: the records (leads: {@code leads} or {@code records}), the survivor, per field the
 * record whose value to keep, and the survivorship rule for the others by name (leads only; default newest).
 * {@code kind} is lead unless given (the preview; POST /v1/contacts/merges and /v1/companies/merges set it).
 */
record MergeRequest(String kind, List<UUID> leads, List<UUID> records, UUID survivor, Map<String, UUID> choices,
                    String rule) {

    RecordMerges.Request toRequest(TenantId tenant) {
        return toRequest(tenant, kind == null ? RecordKind.LEAD : parsedKind(kind));
    }

    RecordMerges.Request toRequest(TenantId tenant, RecordKind of) {
        if (kind != null && parsedKind(kind) != of) {
            throw new InvalidRecordException("kind '" + kind + "' does not match the " + name(of) + "s this merges");
        }
        if (leads != null && records != null) {
            throw new InvalidRecordException("give the merged records as 'leads' or as 'records', not both");
        }
        List<UUID> merged = leads != null ? leads : records;
        if (merged == null || survivor == null) {
            throw new InvalidRecordException((of == RecordKind.LEAD ? "leads" : "records") + " and survivor are "
                    + "required");
        }
        return new RecordMerges.Request(tenant, of, records(merged), survivor, choices(choices),
                rule == null ? "" : rule);
    }

    /** The merged records as sent; a null among them is a 400. */
    static List<UUID> records(List<UUID> records) {
        if (records.contains(null)) {
            throw new InvalidRecordException("the merged records must not hold null");
        }
        return records;
    }

    /** Per field the record whose value to keep; none when absent, a field naming no record is a 400 naming it. */
    static Map<String, UUID> choices(Map<String, UUID> choices) {
        if (choices == null) {
            return Map.of();
        }
        choices.forEach((field, id) -> {
            if (field == null || id == null) {
                throw new InvalidRecordException("choices." + field + " must name a record");
            }
        });
        return choices;
    }

    private static RecordKind parsedKind(String text) {
        for (RecordKind candidate : RecordKind.values()) {
            if (candidate.name().equalsIgnoreCase(text)) {
                return candidate;
            }
        }
        throw new InvalidRecordException("kind '" + text + "' is not one of lead, contact, company");
    }

    static String name(RecordKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
