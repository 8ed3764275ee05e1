package org.dedup.domain.standardize;

import java.io.Serializable;

import org.dedup.domain.model.Require;

/** The name of a standardized field in a {@link RecordProfile}; rules and matchers refer to fields by it. */
public record ProfileField(String name) implements Serializable {
    public static final ProfileField FULL_NAME = new ProfileField("full_name");
    public static final ProfileField NAME_TOKEN = new ProfileField("name_token");
    public static final ProfileField EMAIL = new ProfileField("email");
    public static final ProfileField PHONE = new ProfileField("phone");
    public static final ProfileField PHONE_LAST10 = new ProfileField("phone_last10");
    public static final ProfileField COMPANY_NAME = new ProfileField("company_name");
    public static final ProfileField WEBSITE = new ProfileField("website");
    public static final ProfileField PIXEL = new ProfileField("pixel");
    private static final String CUSTOM_PREFIX = "custom.";

    public ProfileField {
        Require.nonBlank(name, "profile field");
    }

    public static ProfileField custom(String key) {
        return new ProfileField(CUSTOM_PREFIX + key);
    }

    public boolean isCustom() {
        return name.startsWith(CUSTOM_PREFIX);
    }

    @Override
    public String toString() {
        return name;
    }
}
