package org.dedup.example.taxid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;

/**
 * Leads are duplicates when their companies carry the same VAT number (custom field {@code vat} of the company),
 * whatever its spelling: "DE 123.456.789" equals "de123456789".
 */
final class VatNumberMatcher implements Matcher {
    static final MatchMethod METHOD = new MatchMethod("vat_number");
    private static final String NAMESPACE = "vat";
    private final String field;
    private final String defaultCountry;

    VatNumberMatcher(String field, String defaultCountry) {
        this.field = field;
        this.defaultCountry = defaultCountry;
    }

    @Override
    public MatchMethod method() {
        return METHOD;
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        return keys(stored.lead());
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        return keys(incoming.lead());
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        Set<VatNumber> offered = numbers(incoming.lead());
        List<MatchCandidate> matches = new ArrayList<>();
        for (LeadProfile candidate : candidates) {
            numbers(candidate.lead()).stream().filter(offered::contains).findFirst().ifPresent(vat -> matches.add(
                    new MatchCandidate(candidate.lead().id(), METHOD, Verdict.DUPLICATE, 1.0,
                            List.of(FieldMatch.equal("company." + field, vat.value())))));
        }
        return matches;
    }

    private Set<MatchKey> keys(Lead lead) {
        return numbers(lead).stream().map(v -> new MatchKey(NAMESPACE, v.value())).collect(Collectors.toSet());
    }

    private Set<VatNumber> numbers(Lead lead) {
        return lead.companies().stream().map(this::vat).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    private Optional<VatNumber> vat(Company company) {
        return Optional.ofNullable(company.customFields().get(field)).map(CustomFieldValue::asText)
                .flatMap(raw -> VatNumber.parse(raw, defaultCountry));
    }
}
