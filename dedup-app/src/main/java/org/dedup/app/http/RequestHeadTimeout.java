package org.dedup.app.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Closes a connection whose request line and headers are not all in after {@code timeout}, however slowly their bytes
 * keep coming: Jetty's idle timeout is reset by every byte, so a client sending one header byte every few seconds
 * (slowloris) would otherwise hold a connection for ever. A sweep looks at every open connection a few times per
 * timeout: one whose parser has been inside the same request head since more than {@code timeout} is closed.
 */
final class RequestHeadTimeout implements AutoCloseable {
    private final AbstractConnector connector;
    private final long timeoutNanos;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dedup-request-head-timeout");
        thread.setDaemon(true);
        return thread;
    });
    /** Per connection in a request head: which request (the messages it had received before) and since when. */
    private final Map<HttpConnection, Head> heads = new ConcurrentHashMap<>();

    private record Head(long request, long since) {
    }

    RequestHeadTimeout(AbstractConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, timeout.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        long now = System.nanoTime();
        heads.keySet().removeIf(connection -> !connection.getEndPoint().isOpen());
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (endPoint.getConnection() instanceof HttpConnection connection) {
                sweep(connection, now);
            }
        }
    }

    private void sweep(HttpConnection connection, long now) {
        var parser = connection.getParser();
        if (!parser.inHeaderState() || parser.isStart()) {
            heads.remove(connection);
            return;
        }
        long request = connection.getMessagesIn();
        Head head = heads.compute(connection, (c, seen) -> seen != null && seen.request() == request ? seen
                : new Head(request, now));
        if (now - head.since() > timeoutNanos) {
            heads.remove(connection);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
