package org.dedup.persistence.company;

import static org.dedup.persistence.jooq.Tables.COMPANY;
import static org.dedup.persistence.jooq.Tables.COMPANY_KEY;

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
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.CompanyKeyRecord;
import org.dedup.persistence.jooq.tables.records.CompanyRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.keyed.KeyTable;
import org.dedup.persistence.keyed.KeyedDocuments;
import org.jooq.DSLContext;

/** Stand-alone companies as JSON documents in {@code company}, found by their keys in {@code company_key}. */
public final class JooqCompanyRepository implements CompanyRepository {
    private final KeyedDocuments<CompanyRecord, CompanyKeyRecord> documents;
    private final DocumentCodec codec;

    public JooqCompanyRepository(DSLContext dsl, DocumentCodec codec) {
        this.documents = new KeyedDocuments<>(dsl, new KeyedDocuments.Columns<>(COMPANY, COMPANY.TENANT_ID,
                COMPANY.ID, COMPANY.NAME, COMPANY.DOCUMENT, new KeyTable<>(COMPANY_KEY, COMPANY_KEY.TENANT_ID,
                COMPANY_KEY.NAMESPACE, COMPANY_KEY.KEY_VALUE, COMPANY_KEY.COMPANY_ID)));
        this.codec = codec;
    }

    @Override
    public void save(TenantId tenant, Company company, Set<MatchKey> keys) {
        Storage.run("save", company.id(), tenant, () -> documents.save(tenant, company.id().value(),
                company.name(), codec.write(company), keys));
    }

    @Override
    public void delete(TenantId tenant, CompanyId id) {
        Storage.run("delete", id, tenant, () -> documents.delete(tenant, id.value()));
    }

    @Override
    public Optional<Company> find(TenantId tenant, CompanyId id) {
        return Storage.attempt("read", id, tenant, () -> documents.find(tenant, id.value()).map(this::company));
    }

    @Override
    public List<Company> findAll(TenantId tenant, Collection<CompanyId> ids) {
        return Storage.attempt("read", ids.size() + " companies", tenant, () -> documents.findAll(tenant,
                ids.stream().map(CompanyId::value).toList()).stream().map(this::company).toList());
    }

    @Override
    public List<CompanyId> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit) {
        return Storage.attempt("look up companies by", keys, tenant, () -> documents.findByKeys(tenant, keys, limit)
                .stream().map(CompanyId::new).toList());
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Company> action) {
        Storage.run("read", "every company", tenant, () -> documents.forEach(tenant, d -> action.accept(company(d))));
    }

    private Company company(String document) {
        return codec.read(document, Company.class);
    }
}
