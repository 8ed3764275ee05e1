package org.dedup.standardization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.EmailKey;
import org.dedup.domain.standardize.PhoneKey;
import org.junit.jupiter.api.Test;

class CreatioCompatibleStandardizerTest {
    private final CreatioCompatibleStandardizer standardizer = new CreatioCompatibleStandardizer();

    @Test
    void textIsMadeLowerCase() {
        assertEquals("acmeltd", standardizer.text("ACME Ltd"));
    }

    @Test
    void textLosesAllSpaces() {
        assertEquals("newyorkoffice", standardizer.text(" New \t York\u00A0 Office "));
    }

    @Test
    void textLosesSpecialSymbols() {
        assertEquals("oreillyco42100", standardizer.text("\"O'Reilly\" (Co.) #42 - 100%"));
    }

    @Test
    void textKeepsLettersOfEveryScript() {
        assertEquals("иванов", standardizer.text("Иванов"));
        assertEquals("παπαδοπουλος", standardizer.text("Παπαδόπουλος"));
        assertEquals("山田太郎", standardizer.text("山田 太郎"));
    }

    @Test
    void accentsAreFolded() {
        assertEquals(standardizer.text("Jose"), standardizer.text("José"));
        assertEquals("francoismuller", standardizer.text("François Müller"));
    }

    @Test
    void websiteLosesSchemeWwwAndGenericSuffix() {
        assertEquals("acme", standardizer.website("https://www.acme.com/about?x=1"));
        assertEquals("acme", standardizer.website("http://acme.org"));
        assertEquals("acme", standardizer.website("WWW.ACME.COM"));
    }

    @Test
    void websiteKeepsCountryDomainsAndOtherParts() {
        assertEquals("acme.co.uk", standardizer.website("https://www.acme.co.uk/"));
        assertEquals("shop.acme.de", standardizer.website("shop.acme.de"));
        assertEquals("eu.acme", standardizer.website("https://eu.acme.com"));
    }

    @Test
    void emailKeepsLettersDigitsAtUnderscoreAndDot() {
        EmailKey key = standardizer.email(" John_Doe.42@Example.COM ", EmailFolding.NONE);
        assertEquals(new EmailKey.Valid("john_doe.42@example.com", "john_doe.42", "example.com"), key);
    }

    @Test
    void emailLosesHyphensAndEveryOtherSymbol() {
        assertEquals(new EmailKey.Valid("johndoe.42@example.com", "johndoe.42", "example.com"),
                standardizer.email("John-Doe.42@example.com", EmailFolding.NONE));
        assertNotEquals(standardizer.email("john_doe@example.com", EmailFolding.NONE),
                standardizer.email("john-doe@example.com", EmailFolding.NONE), "'_' is kept, '-' is not");
    }

    @Test
    void invalidEmailIsReportedNotMatched() {
        assertInstanceOf(EmailKey.Invalid.class, standardizer.email("john.doe.example.com", EmailFolding.NONE));
        assertInstanceOf(EmailKey.Invalid.class, standardizer.email("@example.com", EmailFolding.NONE));
        assertInstanceOf(EmailKey.Invalid.class, standardizer.email("john@localhost", EmailFolding.NONE));
        assertInstanceOf(EmailKey.Invalid.class, standardizer.email("a@b@c.com", EmailFolding.NONE));
        EmailKey.Invalid invalid = (EmailKey.Invalid) standardizer.email("john.doe.example.com", EmailFolding.NONE);
        assertTrue(invalid.reason().contains("john.doe.example.com"), invalid.reason());
    }

    @Test
    void gmailDotsAndPlusAreFoldedOnlyWhenEnabled() {
        EmailKey folded = standardizer.email("J.Doe+crm@googlemail.com", EmailFolding.GMAIL_DOTS_AND_PLUS);
        assertEquals(new EmailKey.Valid("jdoe@gmail.com", "jdoe", "gmail.com"), folded);
        assertNotEquals(folded, standardizer.email("J.Doe+crm@googlemail.com", EmailFolding.NONE));
        assertEquals("j.doe@other.com", ((EmailKey.Valid) standardizer.email("j.doe@other.com",
                EmailFolding.GMAIL_DOTS_AND_PLUS)).key());
    }

    @Test
    void fullNameWordOrderDoesNotMatter() {
        assertEquals(standardizer.fullName("John Smith"), standardizer.fullName("Smith John"));
        assertEquals(standardizer.fullName("John Smith"), standardizer.fullName("SMITH,  john"));
        assertEquals("john smith", standardizer.fullName("Smith John"));
    }

    @Test
    void fullNameKeepsDigitsAndLettersOfEveryScript() {
        assertEquals("ivan3 иван", standardizer.fullName("Иван Ivan3"));
        assertEquals(standardizer.fullName("Jose Garcia"), standardizer.fullName("García José"));
    }

    @Test
    void nationalPhoneMatchesInternationalFormatInDefaultRegion() {
        PhoneKey national = standardizer.phone("(020) 7946 0958", "GB");
        PhoneKey international = standardizer.phone("+44 20 7946 0958", "US");
        assertEquals(new PhoneKey.Valid("+442079460958", "2079460958"), national);
        assertEquals(national, international);
    }

    @Test
    void phoneLastTenDigitsIsTheCreatioCompatibilityKey() {
        PhoneKey.Valid us = (PhoneKey.Valid) standardizer.phone("+1 (415) 555-2671", "GB");
        assertEquals("+14155552671", us.e164());
        assertEquals("4155552671", us.last10());
    }

    @Test
    void invalidPhoneIsReportedNotMatched() {
        assertInstanceOf(PhoneKey.Invalid.class, standardizer.phone("12", "GB"));
        assertInstanceOf(PhoneKey.Invalid.class, standardizer.phone("not a phone", "GB"));
        assertInstanceOf(PhoneKey.Invalid.class, standardizer.phone("+999 123 456", "GB"));
        assertInstanceOf(PhoneKey.Invalid.class, standardizer.phone("+44 20 7946", "GB"));
        PhoneKey.Invalid invalid = (PhoneKey.Invalid) standardizer.phone("12", "GB");
        assertTrue(invalid.reason().contains("'12'"), invalid.reason());
    }

    @Test
    void websiteRuleRemovesASchemeWrittenWithBackslashes() {
        assertEquals("acme", standardizer.website("http:\\\\www.acme.com"));
        assertEquals("acme.co.uk", standardizer.website("HTTPS:\\\\acme.co.uk\\about"));
        assertEquals("acme", standardizer.website("http:/www.acme.com"));
        assertEquals("acme", standardizer.website("http:www.acme.com"));
        assertNotEquals(standardizer.website("http:\\\\www.acme.com"), standardizer.website("http:\\\\www.other.com"));
    }

    @Test
    void websiteRuleKeepsAPortOutOfTheHost() {
        assertEquals("acme", standardizer.website("acme.com:8080/shop"));
    }

    @Test
    void phoneRuleKeepsTheLastTenDigitsOfANumberLibphonenumberRejects() {
        PhoneKey rejected = standardizer.phone("+999 (415) 555-2671", "GB");
        assertInstanceOf(PhoneKey.Invalid.class, rejected);
        assertEquals("4155552671", rejected.last10());
        assertEquals("12", standardizer.phone("12", "GB").last10());
        assertEquals("", standardizer.phone("not a phone", "GB").last10());
    }

    @Test
    void cyrillicShortIIsALetterOfItsOwnNotAnAccentedI() {
        assertEquals("дмитрий", standardizer.text("Дмитрий"));
        assertNotEquals(standardizer.fullName("Дмитрий Иванов"), standardizer.fullName("Дмитрии Иванов"));
        assertEquals(standardizer.text("Дмитрий"), standardizer.text("Дмитри\u0438\u0306"), "й written decomposed");
        assertEquals("федор", standardizer.text("Фёдор"), "ё is written as е as often as not");
    }
}
