package org.dedup.domain.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.TenantId;

/** Port: stand-alone companies (the Creatio Accounts section), indexed by duplicate-search keys, per tenant. */
public interface CompanyRepository {

    /** Inserts or replaces the company and its keys. */
    void save(TenantId tenant, Company company, Set<MatchKey> keys);

    void delete(TenantId tenant, CompanyId id);

    Optional<Company> find(TenantId tenant, CompanyId id);

    List<Company> findAll(TenantId tenant, Collection<CompanyId> ids);

    List<CompanyId> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit);

    void forEach(TenantId tenant, Consumer<Company> action);
}
