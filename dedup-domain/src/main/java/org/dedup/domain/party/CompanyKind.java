package org.dedup.domain.party;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.match.LeadLinks;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.store.CompanyRepository;
import org.dedup.domain.store.LeadRepository;

/** Stand-alone companies as merged records; a lead that linked an absorbed company links the survivor. */
public record CompanyKind(CompanyRepository companies, DuplicateSearch search) implements PartyKind<Company> {

    @Override
    public RecordKind kind() {
        return RecordKind.COMPANY;
    }

    @Override
    public Class<Company> type() {
        return Company.class;
    }

    @Override
    public List<Company> findAll(TenantId tenant, List<RecordRef> ids) {
        return companies.findAll(tenant, ids.stream().map(id -> new CompanyId(id.value())).toList());
    }

    @Override
    public void save(TenantId tenant, Company record) {
        search.saveCompany(tenant, record);
    }

    @Override
    public void delete(TenantId tenant, RecordRef id) {
        companies.delete(tenant, new CompanyId(id.value()));
    }

    @Override
    public Company merged(List<Company> records, Map<String, RecordRef> choices, PartySurvivorship survivorship,
                          List<FieldProvenance> provenance) {
        Company name = survivorship.pick("name", records, choices, Company::name, provenance);
        Company website = survivorship.pick("website", records, choices, Company::website, provenance);
        return new Company(records.getFirst().id(), name.name(), website.website(),
                survivorship.phones(records, provenance), survivorship.emails(records, provenance),
                survivorship.customFields(records, choices, provenance));
    }

    @Override
    public List<LeadId> linking(LeadRepository leads, TenantId tenant, Set<RecordRef> records, int limit) {
        return leads.findByKeys(tenant, records.stream().map(id -> LeadLinks.of(new CompanyId(id.value()))).toList(),
                SearchScope.everything(), limit);
    }

    @Override
    public Lead relinked(Lead lead, Set<RecordRef> absorbed, Company survivor) {
        List<Company> companies = new ArrayList<>();
        boolean linked = false;
        for (Company company : lead.companies()) {
            if (!absorbed.contains(company.id()) && !company.id().equals(survivor.id())) {
                companies.add(company);
            } else if (!linked) {
                linked = true;
                companies.add(survivor);
            }
        }
        return lead.withCompanies(companies);
    }
}
