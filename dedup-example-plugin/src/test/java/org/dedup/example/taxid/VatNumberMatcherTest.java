package org.dedup.example.taxid;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.matchers.spi.MatcherConfig;
import org.junit.jupiter.api.Test;

class VatNumberMatcherTest {
    private final Matcher matcher = new VatNumberMatcherProvider().create(MatcherConfig.empty("vat_number"));
    private final MatchContext context = new MatchContext(TENANT, DuplicateControlSettings.defaults(), List.of());

    private static LeadProfile withVat(String vat) {
        Company company = new Company(CompanyId.random(), "Acme GmbH", "", List.of(), List.of(),
                Map.of("vat", CustomFieldValue.text(vat)));
        Lead lead = aLead().build().withCompanies(List.of(company));
        RecordProfile empty = new RecordProfile(lead.id(), Map.of(), List.of());
        return new LeadProfile(lead, empty, empty);
    }

    @Test
    void vatNumbersMatchWhateverTheirSpelling() {
        LeadProfile stored = withVat("DE 123.456.789");
        LeadProfile incoming = withVat("de-123456789");

        assertEquals(matcher.indexKeys(stored), matcher.probeKeys(incoming, context));
        List<MatchCandidate> found = matcher.match(incoming, List.of(stored), context);
        assertEquals(1, found.size());
        assertEquals("DE123456789", found.getFirst().explanation().getFirst().candidateValue());
    }

    @Test
    void aNumberWithoutCountryGetsTheConfiguredDefault() {
        assertEquals(Optional.of(new VatNumber("FR12345678901")), VatNumber.parse("12 345 678 901", "FR"));
        assertTrue(VatNumber.parse("not a vat", "DE").isEmpty());
    }

    @Test
    void differentNumbersDoNotMatch() {
        assertTrue(matcher.match(withVat("DE123456789"), List.of(withVat("DE987654321")), context).isEmpty());
    }

    @Test
    void anInvalidConfigurationNamesTheKey() {
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> new VatNumberMatcherProvider()
                .create(new MatcherConfig("vat_number", Map.of("defaultCountry", "Germany"))));
        assertTrue(error.getMessage().startsWith("matchers.vat_number.defaultCountry"), error.getMessage());
    }
}
