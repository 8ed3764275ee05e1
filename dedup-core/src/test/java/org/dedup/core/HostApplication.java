package org.dedup.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.google.inject.Guice;
import com.google.inject.Injector;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.persistence.DedupSchema;
import org.jooq.SQLDialect;

/** A CRM that checks each lead of its web form with dedup, on its own PostgreSQL database. */
public final class HostApplication {
    private final DuplicateControl duplicateControl;
    private final TenantSettings tenantSettings;

    /** At the CRM's start, once: dedup's tables migrated in their schema, then dedup's modules on the CRM's pool. */
    public HostApplication(DataSource crmDatabase, DedupSchema schema) {
        schema.migrate(crmDatabase);
        Injector dedup = Guice.createInjector(
                new DedupCoreModule(),
                new JooqPersistenceModule(crmDatabase, SQLDialect.POSTGRES, schema),
                new StandardizationModule(),
                new MatchersModule(Path.of("plugins"), Map.of()));
        this.duplicateControl = dedup.getInstance(DuplicateControl.class);
        this.tenantSettings = dedup.getInstance(TenantSettings.class);
    }

    /** The tenant's leads are duplicates when they share an email address. */
    public void matchByEmail(TenantId tenant) {
        tenantSettings.save(tenant, DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));
    }

    /** A lead from the web form: stored as new, or merged into the tenant's lead with the same email. */
    public Decision webFormLead(TenantId tenant, String name, String email) {
        Contact contact = new Contact(ContactId.random(), name, List.of(), List.of(Email.of(email)), Map.of());
        return duplicateControl.receive(new IncomingLead(tenant, "Web form", PipelineStage.incoming("sales"),
                SourceChannel.WEB_FORM, Set.of(), List.of(new LinkedContact(contact, ContactRole.PRIMARY)),
                List.of(), Map.of()));
    }
}
