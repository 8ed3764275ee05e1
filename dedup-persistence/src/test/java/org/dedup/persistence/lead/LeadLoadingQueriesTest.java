package org.dedup.persistence.lead;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.SearchScope;
import org.dedup.persistence.Database;
import org.dedup.persistence.TestDatabases;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loading leads with their contacts costs a fixed number of statements, however many leads are asked for. */
class LeadLoadingQueriesTest {
    private static Database database;
    private final AtomicInteger statements = new AtomicInteger();

    @BeforeAll
    static void open() {
        database = TestDatabases.h2();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** A repository whose statements are counted as the driver sees them: one per statement prepared. */
    private JooqLeadRepository countingRepository() {
        DataSource pool = database.dataSource();
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? countingStatements(connection) : result;
                });
        return new JooqLeadRepository(Database.context(counting, SQLDialect.H2, database.schema()), new DocumentCodec());
    }

    private Connection countingStatements(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void fiftyLeadsWithTheirContactsAreLoadedByTwoStatements() {
        JooqLeadRepository leads = countingRepository();
        List<Lead> stored = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Lead lead = aLead().withEmail("n" + i + "@x.io").withSecondaryContact(aContact("Other " + i, null, null))
                    .build();
            leads.insert(lead, Set.of());
            stored.add(lead);
        }
        statements.set(0);

        List<Lead> loaded = leads.findAll(TENANT, stored.stream().map(Lead::id).toList());

        assertEquals(stored, loaded);
        assertEquals(2, statements.get(), "one for the leads, one for all their contacts");
    }

    @Test
    void aLookupByManyKeysIsOneStatement() {
        JooqLeadRepository leads = countingRepository();
        statements.set(0);
        leads.findByKeys(TENANT, List.of(new MatchKey("primary_email", "a@x.io"), new MatchKey("primary_phone", "+1"),
                new MatchKey("pixel", "p")), SearchScope.everything(), 10);
        assertEquals(1, statements.get());
    }
}
