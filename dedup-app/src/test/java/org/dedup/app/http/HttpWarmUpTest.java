package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** The HTTP round of the warm-up, against a Jetty server that answers every request 200. */
class HttpWarmUpTest {
    @Test
    void aRoundLeavesNoConnectionOpenBehindIt() throws Exception {
        Server jetty = new Server();
        LocalConnector connector = new LocalConnector(jetty);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        jetty.start();
        try {
            HttpWarmUp.Done done = new HttpWarmUp().round(connector);

            assertEquals(done.sent(), done.answered());
            assertEquals(0, connector.getConnectedEndPoints().size(), "connections left open by the round");
        } finally {
            jetty.stop();
        }
    }
}
