package org.dedup.bench.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The load test's people: what the requests of a run send. */
class LoadPeopleTest {
    private static final int STORED = 1_000_000;

    /**
     * A new person's email without its "new." is the email of the stored person of the same number, name included,
     * which BIG DATA rightly takes for that person: so new people must be numbered above every stored one.
     */
    @Test
    void aRunsNewPeopleAreNumberedAboveEveryStoredPersonSoNoneIsAStoredPersonsNearTwin() {
        LoadPeople people = new LoadPeople(STORED);
        for (int run = 0; run < 100; run++) {
            SplittableRandom random = new SplittableRandom(run);
            long fresh = people.firstNewPerson(random);
            for (int i = 0; i < 100; i++) {
                LoadPeople.Arrival arrival = people.arrival(random, fresh++);
                if (arrival.kind() == LoadPeople.Kind.NEW) {
                    long number = emailNumber(arrival);
                    assertTrue(number >= STORED, "run " + run + " sent new person " + number);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long emailNumber(LoadPeople.Arrival arrival) {
        Map<String, Object> contact = ((List<Map<String, Object>>) arrival.body().get("contacts")).getFirst();
        String email = ((List<String>) contact.get("emails")).getFirst();
        String local = email.substring(0, email.indexOf('@'));
        return Long.parseLong(local.substring(local.lastIndexOf('.') + 1));
    }
}
