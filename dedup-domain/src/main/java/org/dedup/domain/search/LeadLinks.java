package org.dedup.domain.search;

import java.util.HashSet;
import java.util.Set;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.RecordRef;

/**
 * The keys a lead is indexed under for the contacts and companies it links, so a merge of contacts or companies
 * finds the leads that must follow a merged-away record by an indexed lookup. No matcher probes this namespace.
 */
public final class LeadLinks {
    static final String NAMESPACE = "link";

    private LeadLinks() {
    }

    public static Set<MatchKey> index(Lead lead) {
        Set<MatchKey> keys = new HashSet<>();
        lead.contacts().forEach(link -> keys.add(of(link.contact().id())));
        lead.companies().forEach(company -> keys.add(of(company.id())));
        return keys;
    }

    /** The key of the leads that link {@code record}. */
    public static MatchKey of(RecordRef record) {
        return new MatchKey(NAMESPACE, record.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + record.value());
    }
}
