package org.dedup.bench.duke;

import java.util.Collection;
import java.util.List;

import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordIterator;
import no.priv.garshol.duke.datasources.Column;
import no.priv.garshol.duke.datasources.ColumnarDataSource;
import no.priv.garshol.duke.datasources.RecordBuilder;
import org.dedup.bench.data.PersonTenant;
import org.dedup.domain.model.Contact;

/**
 * A Duke data source over a generated {@link PersonTenant}: columns {@code id} (the contact's index), {@code name},
 * {@code email} and {@code phone} (every email and phone of the contact), cleaned as the configuration's columns
 * say. Records are built as Duke reads them, so the tenant is never held twice.
 */
public final class TenantDataSource extends ColumnarDataSource {
    private List<Contact> contacts = List.of();

    /** The contacts to read; set by the harness after Duke has loaded the configuration. */
    public void setContacts(List<Contact> contacts) {
        this.contacts = List.copyOf(contacts);
    }

    @Override
    public RecordIterator getRecords() {
        return new RecordIterator() {
            private final RecordBuilder builder = new RecordBuilder(TenantDataSource.this);
            private int next;

            @Override
            public boolean hasNext() {
                return next < contacts.size();
            }

            @Override
            public Record next() {
                int index = next++;
                Contact contact = contacts.get(index);
                builder.newRecord();
                add("id", Integer.toString(index));
                add("name", contact.fullName());
                contact.emails().forEach(email -> add("email", email.address()));
                contact.phones().forEach(phone -> add("phone", phone.number()));
                return builder.getRecord();
            }

            private void add(String columnName, String value) {
                Collection<Column> columns = getColumn(columnName);
                if (columns != null) {
                    columns.forEach(column -> builder.addValue(column, value));
                }
            }
        };
    }

    @Override
    protected String getSourceName() {
        return "tenant";
    }
}
