package org.dedup.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches the API (a request line or header it cannot parse,
 * headers too large), as problem+json too, with the status's phrase only: never Jetty's HTML page with its causes.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final JsonBodies json;

    ProblemErrorHandler(JsonBodies json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        Content.Sink.write(response, true, new String(body(code), StandardCharsets.UTF_8), callback);
    }

    private byte[] body(int status) {
        return json.write(new Problem(status, Problem.title(status)).body());
    }
}
