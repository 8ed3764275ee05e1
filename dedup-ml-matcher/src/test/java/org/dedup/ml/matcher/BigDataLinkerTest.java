package org.dedup.ml.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.Test;

/** The BIG DATA method over a tenant's records, for bulk search: its blocking, its scores, its explanations. */
class BigDataLinkerTest {
    private static final RecordLinker PEOPLE = new BigDataMatcherProvider().create(MatcherConfig.empty("big_data"))
            .recordLinker().orElseThrow();
    private final RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
    private final StandardizationOptions options = new StandardizationOptions("US",
            StandardizationOptions.defaults().emailFolding());

    private ScannedRecord contact(String name, String email, String phone) {
        Contact contact = new Contact(ContactId.random(), name, List.of(Phone.of(PhoneType.MOBILE, phone)),
                List.of(Email.of(email)), Map.of());
        return new ScannedRecord.OfParty(contact, standardizer.contact(contact, options));
    }

    private ScannedRecord company(String name, String email, String phone) {
        Company company = new Company(CompanyId.random(), name, "", List.of(Phone.of(PhoneType.WORK, phone)),
                List.of(Email.of(email)), Map.of());
        return new ScannedRecord.OfParty(company, standardizer.company(company, options));
    }

    @Test
    void contactsWithATypoInTheSurnameAndEmailButOnePhoneAreLinked() {
        List<ScannedRecord> records = List.of(
                contact("Maria Kowalski", "maria.kowalski@mail.com", "+1 415 555 2671"),
                contact("Maria Kowalsky", "maria.kowalsky@mail.com", "(415) 555-2671"),
                contact("Oleg Petrov", "oleg@petrov.net", "+1 212 555 0199"));

        ScoredPairs scored = PEOPLE.score(records);

        List<String> merged = new ArrayList<>();
        for (int pair = 0; pair < scored.size(); pair++) {
            if (scored.level(pair) == ScoredPairs.Level.MERGE) {
                merged.add(scored.first(pair) + "-" + scored.second(pair));
            }
        }
        assertEquals(List.of("0-1"), merged);
    }

    @Test
    void aPersonModelDoesNotScoreCompanies() {
        List<ScannedRecord> records = List.of(
                company("Acme Ltd", "info@acme.com", "+1 415 555 2671"),
                company("Acme Limited", "info@acme.com", "+1 415 555 2671"));

        assertEquals(0, PEOPLE.score(records).size());
    }

    @Test
    void anExplanationShowsTheValuesComparedAndTheProbability() {
        ScoredPairs scored = PEOPLE.score(List.of(
                contact("Maria Kowalski", "maria.kowalski@mail.com", "+1 415 555 2671"),
                contact("Maria Kowalsky", "maria.kowalsky@mail.com", "(415) 555-2671")));

        List<FieldMatch> lines = scored.explain(0, 1, scored.score(0));

        assertTrue(lines.stream().anyMatch(l -> l.field().equals("surname") && l.incomingValue().equals("kowalski")
                && l.candidateValue().equals("kowalsky")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.comparison().startsWith("match probability")), lines.toString());
    }
}
