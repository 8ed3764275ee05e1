package org.dedup.domain.model;

import java.io.Serializable;

/** A contact as linked to a lead, with its role on that link. */
public record LinkedContact(Contact contact, ContactRole role) implements Serializable {
    public LinkedContact {
        Require.nonNull(contact, "linked contact");
        Require.nonNull(role, "contact role");
    }

    public boolean isPrimary() {
        return role == ContactRole.PRIMARY;
    }
}
