package org.dedup.bench.load;

import java.io.IOException;
import java.net.URI;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one lead to {@code POST /v1/leads}, blocking the caller's virtual thread, over keep-alive HTTP/1.1
 * connections pooled up to the run's requests in flight, so a request never waits for a connection. Apache
 * HttpClient's classic API rather than the JDK's {@code HttpClient}, which cost about 1.1 ms of CPU per request: more
 * than a 2-core machine can take from the server under test at 1,000 requests/s.
 * <p>
 * Apache's own retries, redirects and cookies are off, so the run's counts of 503s and connection failures are exact,
 * with one exception: a request whose pooled connection turns out to have been closed is sent again (see
 * {@link #post}).
 */
final class LeadsClient implements AutoCloseable {
    private final URI leads;
    private final String apiKey;
    private final CloseableHttpClient client;

    /** One answer of the server; {@code retryAfterSeconds} is its Retry-After header, 1 when it has none. */
    record Answer(int status, byte[] body, long retryAfterSeconds) {
    }

    LeadsClient(URI server, String apiKey, int maxInFlight) {
        this.leads = server.resolve("/v1/leads");
        this.apiKey = apiKey;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxInFlight)
                        .setMaxConnPerRoute(maxInFlight)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    /**
     * Sends the lead; an {@link IOException} means the connection was refused, broken or timed out. A pooled connection
     * that had answered before and now closes without a word is not such a failure: the JDK's server closes every
     * connection that finishes a request while it already keeps 200 idle ones, without {@code Connection: close}, so
     * after a burst the pool holds many such. The lead is sent again; each dead connection is dropped as it fails, so
     * this ends on a new connection at the latest, and a server that is really gone fails there, which the run counts.
     * (Checking every pooled connection before use would block each request for a millisecond; those idle for over
     * 2 s are checked, the client's default, which covers the server's idle timeout.)
     */
    Answer post(String idempotencyKey, byte[] lead) throws IOException {
        while (true) {
            HttpClientContext attempt = HttpClientContext.create();
            try {
                return send(idempotencyKey, lead, attempt);
            } catch (NoHttpResponseException e) {
                if (!answeredBefore(attempt)) {
                    throw e;
                }
            }
        }
    }

    private static boolean answeredBefore(HttpClientContext attempt) {
        return attempt.getEndpointDetails() != null && attempt.getEndpointDetails().getResponseCount() > 0;
    }

    private Answer send(String idempotencyKey, byte[] lead, HttpClientContext attempt) throws IOException {
        HttpPost post = new HttpPost(leads);
        post.setHeader("X-Api-Key", apiKey);
        post.setHeader("Idempotency-Key", idempotencyKey);
        post.setEntity(new ByteArrayEntity(lead, ContentType.APPLICATION_JSON));
        return client.execute(post, attempt, response -> {
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new Answer(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity()),
                    retryAfter == null ? 1 : Long.parseLong(retryAfter.getValue().trim()));
        });
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
