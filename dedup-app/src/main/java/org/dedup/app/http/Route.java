package org.dedup.app.http;

import java.io.IOException;

import io.javalin.http.HandlerType;

/**
 * One line of the route table: a method, a path ({@code {id}} names a path parameter) and what answers it. The
 * table is the one list of what the API serves: the server, {@code 405}'s {@code Allow}, the metrics' route labels
 * and the OpenAPI test all read it.
 */
record Route(HandlerType method, String path, Endpoint endpoint) {

    /** What answers a request: a value written as JSON with 200 ({@link Tagged} adds its entity tag). */
    @FunctionalInterface
    interface Endpoint {
        Object answer(Call call) throws IOException;
    }

    static Route get(String path, Endpoint endpoint) {
        return new Route(HandlerType.GET, path, endpoint);
    }

    static Route post(String path, Endpoint endpoint) {
        return new Route(HandlerType.POST, path, endpoint);
    }

    static Route put(String path, Endpoint endpoint) {
        return new Route(HandlerType.PUT, path, endpoint);
    }

    static Route delete(String path, Endpoint endpoint) {
        return new Route(HandlerType.DELETE, path, endpoint);
    }
}
