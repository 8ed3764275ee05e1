package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dedup.standardization.PhoneSpellings;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** The HTTP round of the warm-up, against a Jetty server on loopback that answers every request 200. */
class HttpWarmUpTest {
    private final Set<String> paths = ConcurrentHashMap.newKeySet();

    @Test
    void aRoundReachesTheApiOverSocketsItClosesWhenItEnds() throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                paths.add(request.getMethod() + " " + Request.getPathInContext(request));
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        jetty.start();
        try {
            HttpWarmUp.Done done = new HttpWarmUp().round(URI.create("http://127.0.0.1:" + connector.getLocalPort()),
                    new SyntheticLeads(PhoneSpellings.of("GB")));

            assertEquals(done.sent(), done.answered());
            assertEquals(Set.of("POST /v1/leads", "POST /v1/check"), paths);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!connector.getConnectedEndPoints().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, connector.getConnectedEndPoints().size(), "connections left open by the round");
        } finally {
            jetty.stop();
        }
    }
}
