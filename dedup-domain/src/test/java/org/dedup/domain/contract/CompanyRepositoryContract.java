package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.CompanyRepository;
import org.junit.jupiter.api.Test;

/** What every {@link CompanyRepository} adapter does. */
public abstract class CompanyRepositoryContract {
    private static final TenantId OTHER = new TenantId("globex");

    protected abstract CompanyRepository companies();

    private static MatchKey website(String value) {
        return new MatchKey("website", value);
    }

    private static Company aCompany(String name, String site) {
        return new Company(CompanyId.random(), name, site, List.of(Phone.of(PhoneType.WORK, "+1 212 555 0100")),
                List.of(Email.of("info@" + site)), Map.of("vat", CustomFieldValue.text("GB1")));
    }

    private Company saved(String site) {
        Company company = aCompany("Acme", site);
        companies().save(TENANT, company, Set.of(website(site)));
        return company;
    }

    @Test
    void aSavedCompanyIsReadBackWholeAndFoundByItsKeys() {
        Company company = saved("acme.io");
        assertEquals(company, companies().find(TENANT, company.id()).orElseThrow());
        assertEquals(List.of(company), companies().findAll(TENANT, List.of(company.id(), CompanyId.random())));
        assertEquals(List.of(company.id()), companies().findByKeys(TENANT, List.of(website("acme.io")), 10));
    }

    @Test
    void savingAgainReplacesTheKeysAndDeletingRemovesThem() {
        Company company = saved("before.io");
        companies().save(TENANT, company, Set.of(website("after.io")));
        assertTrue(companies().findByKeys(TENANT, List.of(website("before.io")), 10).isEmpty());
        companies().delete(TENANT, company.id());
        assertTrue(companies().find(TENANT, company.id()).isEmpty());
        assertTrue(companies().findByKeys(TENANT, List.of(website("after.io")), 10).isEmpty());
    }

    @Test
    void anotherTenantCanNeitherReadNorMatchNorDeleteACompany() {
        Company company = saved("mine.io");
        assertTrue(companies().find(OTHER, company.id()).isEmpty());
        assertTrue(companies().findByKeys(OTHER, List.of(website("mine.io")), 10).isEmpty());
        companies().delete(OTHER, company.id());
        assertEquals(company, companies().find(TENANT, company.id()).orElseThrow());
    }

    @Test
    void forEachVisitsEveryCompanyOfTheTenantOnce() {
        TenantId tenant = new TenantId("companies-" + UUID.randomUUID().toString().substring(0, 8));
        List<CompanyId> stored = new ArrayList<>();
        for (int i = 0; i < 1_010; i++) {
            Company company = aCompany("Company " + i, "c" + i + ".io");
            companies().save(tenant, company, Set.of());
            stored.add(company.id());
        }
        List<CompanyId> visited = new ArrayList<>();
        companies().forEach(tenant, company -> visited.add(company.id()));
        assertEquals(stored.size(), visited.size());
        assertEquals(Set.copyOf(stored), Set.copyOf(visited));
    }
}
