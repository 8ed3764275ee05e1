package org.dedup.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.dedup.standardization.PhoneSpellings;

/**
 * The leads a server's warm-up decides, as {@code POST /v1/leads} bodies. People numbered below a round's
 * {@code stored} are stored first; the arrivals after them come in the shares of a day of incoming leads: 55 % new
 * people, 20 % duplicates of a stored person by email (its case changed on every other), 20 % by phone (written
 * another way: {@link PhoneSpellings} of the region the rehearsed tenant standardizes in), 5 % by both, from one of
 * the sources real leads come from.
 */
final class SyntheticLeads {
    private static final int SHARES = 20;
    private static final int NEW = 11;
    private static final int SAME_EMAIL = 4;
    private static final int SAME_PHONE = 4;
    private static final String[] SOURCES = {"web_form", "chat", "call", "email", "api"};
    private static final String[] PHONE_TYPES = {"mobile", "work"};
    private final PhoneSpellings phones;

    SyntheticLeads(PhoneSpellings phones) {
        this.phones = phones;
    }

    /** The lead of stored person {@code person}: a name, an email and a mobile. */
    byte[] stored(int person) {
        return lead(person, email(person), phone(person, 0));
    }

    /** The {@code i}th arrival after people {@code 0..stored-1} were stored: new, or one of theirs again. */
    byte[] arrival(int i, int stored) {
        int share = i % SHARES;
        int fresh = stored + i;
        int person = i % stored;
        int spelling = 1 + i % (PhoneSpellings.SPELLINGS - 1);
        if (share < NEW) {
            return lead(fresh, email(fresh), phone(fresh, spelling));
        }
        if (share < NEW + SAME_EMAIL) {
            String email = i % 2 == 0 ? email(person).toUpperCase(Locale.ROOT) : email(person);
            return lead(person, email, i % 4 < 2 ? phone(fresh, 0) : null);
        }
        if (share < NEW + SAME_EMAIL + SAME_PHONE) {
            return lead(person, i % 4 < 2 ? email(fresh) : null, phone(person, spelling));
        }
        return lead(person, email(person), phone(person, spelling));
    }

    private static byte[] lead(int person, String email, String phone) {
        String emailField = email == null ? "" : ", \"emails\": [\"" + email + "\"]";
        String phoneField = phone == null ? "" : ", \"phones\": [{\"type\": \"" + PHONE_TYPES[person % PHONE_TYPES.length]
                + "\", \"number\": \"" + phone + "\"}]";
        return """
                {"name": "Request from person %d", "pipeline": "warm-up", "stage": "incoming", "incomingStage": true,
                 "source": "%s", "contacts": [{"name": "Person %d", "primary": true%s%s}]}"""
                .formatted(person, SOURCES[person % SOURCES.length], person, emailField, phoneField)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String email(int person) {
        return "person" + person + "@warm-up.example";
    }

    private String phone(int person, int spelling) {
        return phones.of(person).get(spelling);
    }
}
