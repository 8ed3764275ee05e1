package org.dedup.domain.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A stand-alone contact or company: a record that leads link and that can be merged with its duplicates. */
public sealed interface Party extends Serializable permits Contact, Company {
    RecordRef id();

    List<Phone> phones();

    List<Email> emails();

    Map<String, CustomFieldValue> customFields();
}
