package org.dedup.app.http;

/** A request that cannot be served, with the HTTP status and a message naming the problem. */
final class HttpProblem extends RuntimeException {
    private final int status;

    HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
