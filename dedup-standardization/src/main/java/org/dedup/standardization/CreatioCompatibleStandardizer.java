package org.dedup.standardization;

import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.EmailKey;
import org.dedup.domain.standardize.PhoneKey;
import org.dedup.domain.standardize.Standardizer;

/**
 * The {@link Standardizer} port: Creatio's standardization rules, extended to every script and to real phone
 * numbers (libphonenumber). Thread-safe and stateless.
 */
public final class CreatioCompatibleStandardizer implements Standardizer {
    private final TextStandardizer text = new TextStandardizer();
    private final WebsiteStandardizer website = new WebsiteStandardizer(text);
    private final EmailStandardizer email = new EmailStandardizer();
    private final PhoneStandardizer phone = new PhoneStandardizer();
    private final FullNameStandardizer fullName = new FullNameStandardizer(text);

    @Override
    public String text(String raw) {
        return text.standardize(raw);
    }

    @Override
    public String website(String raw) {
        return website.standardize(raw);
    }

    @Override
    public EmailKey email(String raw, EmailFolding folding) {
        return email.standardize(raw, folding);
    }

    @Override
    public PhoneKey phone(String raw, String defaultRegion) {
        return phone.standardize(raw, defaultRegion);
    }

    @Override
    public String fullName(String raw) {
        return fullName.standardize(raw);
    }
}
