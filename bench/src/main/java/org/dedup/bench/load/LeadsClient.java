package org.dedup.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends leads to {@code POST /v1/leads} over keep-alive HTTP/1.1 connections, at most {@code maxConnections} of them,
 * all driven by the caller's one thread through a selector: {@link #send} starts a request, {@link #poll} waits for
 * the network until a given time and reports every answer or failure to an {@link Answers}. Not thread-safe: one
 * thread calls everything.
 * <p>
 * Why not a client library: Apache HttpClient with a virtual thread per request, and the JDK's {@code HttpClient}
 * before it, cost the harness a quarter of a core at 1,000 requests/s (8,000 context switches a second), taken from
 * the server under test, which shares the two cores. One thread and a selector wake about twice per request.
 * <p>
 * A request whose connection closes before any byte of its answer, on a connection that answered before, is sent
 * again on another connection and not reported: the server may close a connection it keeps idle at any time. Every
 * other broken, refused or timed-out connection is reported as a failure of the request on it.
 *
 * @param <T> what the caller keeps with each request, handed back with its outcome
 */
final class LeadsClient<T> implements AutoCloseable {
    private static final long CONNECT_TIMEOUT = TimeUnit.SECONDS.toNanos(2);
    private static final long RESPONSE_TIMEOUT = TimeUnit.SECONDS.toNanos(30);
    private static final long SWEEP_EVERY = TimeUnit.MILLISECONDS.toNanos(100);
    private final InetSocketAddress server;
    private final byte[] head;
    private final int maxConnections;
    private final Selector selector;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Set<Connection> open = new HashSet<>();
    private final Deque<Request<T>> waiting = new ArrayDeque<>();
    private long nextSweep = System.nanoTime() + SWEEP_EVERY;

    /** What became of the requests: called from {@link #poll} on the caller's thread. */
    interface Answers<T> {
        /** An answer; {@code retryAfterSeconds} is its Retry-After header, 1 when it has none. */
        void answered(T request, int status, byte[] body, long retryAfterSeconds);

        /** The connection was refused, broke or timed out before the whole answer came. */
        void failed(T request, IOException failure);
    }

    private record Request<T>(T tag, ByteBuffer bytes) {
    }

    LeadsClient(URI server, String apiKey, int maxConnections) throws IOException {
        this.server = new InetSocketAddress(server.getHost(), server.getPort());
        this.head = ("POST /v1/leads HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                + "\r\nX-Api-Key: " + apiKey + "\r\nContent-Type: application/json\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.maxConnections = maxConnections;
        this.selector = Selector.open();
    }

    /** Starts sending {@code lead} under {@code idempotencyKey}; it waits when every connection is busy. */
    void send(String idempotencyKey, byte[] lead, T tag) {
        byte[] headers = ("Idempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + lead.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(head.length + headers.length + lead.length);
        bytes.put(head).put(headers).put(lead).flip();
        dispatch(new Request<>(tag, bytes));
    }

    /** Requests sent and not yet answered or failed, waiting ones included. */
    int inFlight() {
        return open.size() - idle.size() + waiting.size();
    }

    /**
     * Handles the network until {@code until} ({@link System#nanoTime}), reporting outcomes to {@code answers}. It
     * returns at {@code until} or up to a millisecond later (the selector's timeout is in milliseconds); an answer
     * that comes in the last millisecond before it may be reported up to that much late.
     */
    void poll(long until, Answers<T> answers) throws IOException {
        long wait = until - System.nanoTime();
        if (wait >= TimeUnit.MILLISECONDS.toNanos(1)) {
            selector.select(TimeUnit.NANOSECONDS.toMillis(wait));
        } else {
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            selector.selectNow();
        }
        for (SelectionKey key : selector.selectedKeys()) {
            ((Connection) key.attachment()).ready(key, answers);
        }
        selector.selectedKeys().clear();
        long now = System.nanoTime();
        if (now >= nextSweep) {
            nextSweep = now + SWEEP_EVERY;
            for (Connection connection : List.copyOf(open)) {
                connection.expireIfLate(now, answers);
            }
        }
    }

    private void dispatch(Request<T> request) {
        Connection connection = idle.pollFirst();
        if (connection != null) {
            connection.start(request);
        } else if (open.size() < maxConnections) {
            new Connection(request);
        } else {
            waiting.addLast(request);
        }
    }

    @Override
    public void close() throws IOException {
        for (Connection connection : List.copyOf(open)) {
            connection.close();
        }
        selector.close();
    }

    /** One keep-alive connection: idle, connecting, or carrying one request at a time. */
    private final class Connection {
        private final SocketChannel channel;
        private final SelectionKey key;
        private final AnswerReader reader = new AnswerReader();
        private Request<T> request;
        private IOException failedToOpen;
        private boolean connected;
        private int answered;
        private long since = System.nanoTime();

        Connection(Request<T> first) {
            this.request = first;
            SocketChannel opened = null;
            SelectionKey registered = null;
            try {
                opened = SocketChannel.open();
                opened.configureBlocking(false);
                opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connected = opened.connect(server);
                registered = opened.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT,
                        this);
            } catch (IOException e) {
                // reported by the next poll's sweep, so that send never calls back into its caller
                failedToOpen = e;
            }
            this.channel = opened;
            this.key = registered;
            open.add(this);
        }

        void start(Request<T> next) {
            request = next;
            since = System.nanoTime();
            key.interestOps(SelectionKey.OP_WRITE);
        }

        void ready(SelectionKey ready, Answers<T> answers) {
            if (!ready.isValid()) {
                return;
            }
            try {
                if (ready.isConnectable()) {
                    channel.finishConnect();
                    connected = true;
                    key.interestOps(SelectionKey.OP_WRITE);
                    return;
                }
                if (ready.isWritable()) {
                    channel.write(request.bytes());
                    if (!request.bytes().hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    return;
                }
                if (ready.isReadable()) {
                    read(answers);
                }
            } catch (IOException e) {
                broken(e, answers);
            }
        }

        private void read(Answers<T> answers) throws IOException {
            if (!reader.readFrom(channel)) {
                if (request != null && answered > 0 && reader.isEmpty()) {
                    Request<T> again = request;
                    request = null;
                    close();
                    again.bytes().rewind();
                    dispatch(again);
                    return;
                }
                throw new IOException(request == null ? "closed while idle"
                        : "the connection closed before the whole answer came");
            }
            AnswerReader.Answer answer = reader.answer();
            if (answer == null) {
                return;
            }
            if (request == null) {
                throw new IOException("an answer came while no request was open");
            }
            Request<T> done = request;
            request = null;
            answered++;
            answers.answered(done.tag(), answer.status(), answer.body(), answer.retryAfterSeconds());
            if (answer.close()) {
                closeAndPassOn();
            } else {
                idleOrNext();
            }
        }

        private void idleOrNext() {
            Request<T> next = waiting.pollFirst();
            if (next != null) {
                start(next);
            } else {
                key.interestOps(SelectionKey.OP_READ);
                idle.addFirst(this);
            }
        }

        void expireIfLate(long now, Answers<T> answers) {
            if (failedToOpen != null) {
                broken(failedToOpen, answers);
            } else if (!connected && now - since > CONNECT_TIMEOUT) {
                broken(new SocketTimeoutException("connect timed out"), answers);
            } else if (request != null && now - since > RESPONSE_TIMEOUT) {
                broken(new SocketTimeoutException("no answer within 30 s"), answers);
            }
        }

        private void broken(IOException failure, Answers<T> answers) {
            Request<T> lost = request;
            request = null;
            closeAndPassOn();
            if (lost != null) {
                answers.failed(lost.tag(), failure);
            }
        }

        /** Closes this connection and lets the first request waiting for one have another. */
        private void closeAndPassOn() {
            close();
            Request<T> next = waiting.pollFirst();
            if (next != null) {
                dispatch(next);
            }
        }

        void close() {
            open.remove(this);
            idle.remove(this);
            if (key != null) {
                key.cancel();
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException alreadyBroken) {
                    // nothing left to release
                }
            }
        }
    }
}
