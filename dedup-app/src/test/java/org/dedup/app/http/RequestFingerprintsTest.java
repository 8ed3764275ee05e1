package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.dedup.domain.control.RequestFingerprint;
import org.junit.jupiter.api.Test;

class RequestFingerprintsTest {
    private static final String BODY = """
            {"name": "Web request", "pipeline": "sales", "stage": "incoming", "incomingStage": true,
             "customFields": {"inn": 7707083893, "score": 0.25, "tags": ["b", "a"], "note": "Дмитрий \\"D\\""},
             "contacts": [{"primary": true, "name": "Maria Lopez", "emails": ["maria@x.io"],
                           "phones": [{"number": "+44 20 7946 0958", "type": "mobile"}]}]}
            """;

    /** As the API takes it: of the tree its request was read from. */
    private static RequestFingerprint of(String body) throws Exception {
        return RequestFingerprints.of(new JsonBodies().tree(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRetryWithMembersReorderedAndReindentedIsTheSameRequest() throws Exception {
        String reordered = """
                {"contacts":[{"phones":[{"type":"mobile","number":"+44 20 7946 0958"}],"emails":["maria@x.io"],
                "name":"Maria Lopez","primary":true}],"incomingStage":true,"stage":"incoming","pipeline":"sales",
                "customFields":{"note":"Дмитрий \\"D\\"","tags":["b","a"],"score":0.25,"inn":7707083893},
                "name":"Web request"}""";
        assertEquals(of(BODY), of(reordered));
    }

    @Test
    void anyOtherValueOrArrayOrderIsAnotherRequest() throws Exception {
        assertNotEquals(of(BODY), of(BODY.replace("maria@x.io", "maria@y.io")));
        assertNotEquals(of(BODY), of(BODY.replace("[\"b\", \"a\"]", "[\"a\", \"b\"]")));
        assertNotEquals(of(BODY), of(BODY.replace("0.25", "0.26")));
    }

    /** Fingerprints are stored with idempotency keys: a retry sent across an upgrade must still match its first. */
    @Test
    void theCanonicalFormIsTheOneStoredFingerprintsWereTakenOf() throws Exception {
        assertEquals("c64dad55713cd90dfeaafbbdd36a98097e461bab74750d3a876f3b9ba3661c2d", of(BODY).value());
    }
}
