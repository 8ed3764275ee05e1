package org.dedup.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The HTTP/1.1 answers on one connection, read one at a time as their bytes come: the status, Retry-After,
 * {@code Connection: close} and the body, framed by Content-Length or chunked. What the load harness needs of an
 * answer, and no more: an answer framed otherwise (until the connection closes) is refused as an error.
 */
final class AnswerReader {
    private static final int MAX_ANSWER = 16 << 20;
    private ByteBuffer bytes = ByteBuffer.allocate(8192);

    /** A whole answer; {@code retryAfterSeconds} is 1 when it has no Retry-After. */
    record Answer(int status, byte[] body, long retryAfterSeconds, boolean close) {
    }

    /** Reads what the connection has; false at its end. */
    boolean readFrom(ReadableByteChannel connection) throws IOException {
        if (!bytes.hasRemaining()) {
            if (bytes.capacity() >= MAX_ANSWER) {
                throw new IOException("an answer of more than " + MAX_ANSWER + " bytes");
            }
            bytes = ByteBuffer.allocate(bytes.capacity() * 2).put(bytes.flip());
        }
        return connection.read(bytes) >= 0;
    }

    /** Whether no byte of the next answer has come yet. */
    boolean isEmpty() {
        return bytes.position() == 0;
    }

    /** The next answer once all of it has come, taken out of what was read; null before that. */
    Answer answer() throws IOException {
        byte[] read = bytes.array();
        int length = bytes.position();
        int headEnd = indexOf(read, length, 0, "\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        String[] head = new String(read, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = head[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 answer: " + head[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        long contentLength = -1;
        long retryAfter = 1;
        boolean chunked = false;
        boolean close = false;
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            String name = head[i].substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
            String value = head[i].substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "retry-after" -> retryAfter = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                    // not needed by the harness
                }
            }
        }
        int bodyStart = headEnd + 4;
        Body body;
        if (chunked) {
            body = chunks(read, length, bodyStart);
        } else if (contentLength >= 0 || status == 204 || status == 304) {
            int size = (int) Math.max(contentLength, 0);
            body = length - bodyStart < size ? null
                    : new Body(Arrays.copyOfRange(read, bodyStart, bodyStart + size), bodyStart + size);
        } else {
            throw new IOException("an answer with neither Content-Length nor chunked encoding");
        }
        if (body == null) {
            return null;
        }
        bytes.flip().position(body.end());
        bytes.compact();
        return new Answer(status, body.bytes(), retryAfter, close);
    }

    private record Body(byte[] bytes, int end) {
    }

    /** A chunked body from {@code from}, or null while some of it has not come. */
    private static Body chunks(byte[] read, int length, int from) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (true) {
            int lineEnd = indexOf(read, length, at, "\r\n");
            if (lineEnd < 0) {
                return null;
            }
            String sizeLine = new String(read, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a chunk size that is not hexadecimal: " + sizeLine, e);
            }
            at = lineEnd + 2;
            if (size == 0) {
                // no trailers are sent to the harness: the body ends with an empty line
                int end = indexOf(read, length, at, "\r\n");
                return end < 0 ? null : new Body(body.toByteArray(), end + 2);
            }
            if (length - at < size + 2) {
                return null;
            }
            body.write(read, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] read, int length, int from, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = from; i <= length - wanted.length; i++) {
            int j = 0;
            while (j < wanted.length && read[i + j] == wanted[j]) {
                j++;
            }
            if (j == wanted.length) {
                return i;
            }
        }
        return -1;
    }
}
