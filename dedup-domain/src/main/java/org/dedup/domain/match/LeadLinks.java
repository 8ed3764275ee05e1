package org.dedup.domain.match;

import java.util.HashSet;
import java.util.Set;

import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Lead;

/**
 * The keys a lead is indexed under for the companies it links, so a merge of companies finds the leads that must
 * follow a merged-away company by an indexed lookup (the leads linking a contact are found by its link rows, see
 * {@code LeadRepository.linking}). No matcher probes this namespace.
 */
public final class LeadLinks {
    static final String NAMESPACE = "link";

    private LeadLinks() {
    }

    public static Set<MatchKey> index(Lead lead) {
        Set<MatchKey> keys = new HashSet<>();
        lead.companies().forEach(company -> keys.add(of(company.id())));
        return keys;
    }

    /** The key of the leads that link {@code company}. */
    public static MatchKey of(CompanyId company) {
        return new MatchKey(NAMESPACE, "company:" + company.value());
    }
}
