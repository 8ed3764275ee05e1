package org.dedup.domain.testing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.CompanyRepository;

public final class InMemoryCompanyRepository implements CompanyRepository {
    private final InMemoryKeyedRecords<CompanyId, Company> records = new InMemoryKeyedRecords<>();

    @Override
    public void save(TenantId tenant, Company company, Set<MatchKey> keys) {
        records.save(tenant, company.id(), company, keys);
    }

    @Override
    public void delete(TenantId tenant, CompanyId id) {
        records.delete(tenant, id);
    }

    @Override
    public Optional<Company> find(TenantId tenant, CompanyId id) {
        return records.find(tenant, id);
    }

    @Override
    public List<Company> findAll(TenantId tenant, Collection<CompanyId> ids) {
        return records.findAll(tenant, ids);
    }

    @Override
    public List<CompanyId> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit) {
        return records.findByKeys(tenant, keys, limit);
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Company> action) {
        records.forEach(tenant, action);
    }
}
