package org.dedup.app.http;

import java.util.Map;
import java.util.UUID;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;

import org.dedup.domain.control.IdempotencyKeyReusedException;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.review.ReviewItemResolvedException;
import org.dedup.domain.review.ReviewRevisionMismatchException;
import org.dedup.domain.search.ScanAlreadyRunningException;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.StorageUnavailableException;
import org.dedup.domain.store.VersionMismatchException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a request as problem+json. The domain's own refusals (not found, stale, invalid) carry messages
 * written for callers and are passed on; anything else (a failed statement, a bug) is answered with a reference to
 * the server log only, so that no SQL, table, class name or personal data reaches the caller, and is logged without
 * its message above DEBUG (a message may hold the values it failed on), rate-limited. An invalid option also names
 * the option in {@code option}, as the request wrote it ({@code afterMergeTask.dueInMinutes}), so that a form can
 * show the message next to its field.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String RETRY_AFTER_SECONDS = "1";
    private final JsonBodies json;
    private final RateLimitedLog failures;

    Problems(JsonBodies json, RateLimitedLog failures) {
        this.json = json;
        this.failures = failures;
    }

    void answer(Exception failure, Context ctx) {
        switch (failure) {
            case HttpProblem problem -> {
                problem.headers().forEach(ctx::header);
                write(ctx, new Problem(problem.status(), problem.getMessage()));
            }
            case MethodNotAllowedResponse notAllowed -> {
                String allowed = notAllowed.getDetails().values().stream().findFirst().orElse("");
                ctx.header("Allow", allowed);
                write(ctx, new Problem(405, ctx.req().getMethod() + " is not allowed on " + ctx.path()
                        + "; allowed: " + allowed));
            }
            case HttpResponseException http -> write(ctx, new Problem(http.getStatus(), http.getStatus() == 404
                    ? "no such endpoint: " + ctx.req().getMethod() + " " + ctx.path() : Problem.title(http.getStatus())));
            case HttpException jetty -> write(ctx, new Problem(jetty.getCode(), Problem.title(jetty.getCode())));
            case DedupException domain -> answerDomain(domain, ctx);
            default -> unexpected(failure, ctx, 500, "internal error");
        }
    }

    private void answerDomain(DedupException failure, Context ctx) {
        switch (failure) {
            case RecordNotFoundException notFound -> write(ctx, new Problem(404, notFound.getMessage()));
            case VersionMismatchException stale -> write(ctx, new Problem(412, stale.getMessage()));
            case StaleRecordException stale -> write(ctx, new Problem(409, stale.getMessage()));
            case ReviewItemResolvedException resolved -> write(ctx, new Problem(409, resolved.getMessage()));
            case ReviewRevisionMismatchException stale -> write(ctx, new Problem(412, stale.getMessage()));
            case ScanAlreadyRunningException running -> write(ctx, new Problem(409, running.getMessage(),
                    Map.of("running", running.running())));
            case InvalidOptionException option -> write(ctx, new Problem(400, option.getMessage(),
                    Map.of("option", option.option())));
            case InvalidRecordException invalid -> write(ctx, new Problem(400, invalid.getMessage()));
            case IdempotencyKeyReusedException reused -> write(ctx, new Problem(422, reused.getMessage()));
            case StorageUnavailableException unavailable -> {
                failures.warn("the database is unavailable", unavailable);
                ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                write(ctx, new Problem(503, "the database is unavailable; retry later (a retry under the same "
                        + "Idempotency-Key never stores a lead twice)"));
            }
            default -> unexpected(failure, ctx, 422, "the request could not be completed");
        }
    }

    private void unexpected(Exception failure, Context ctx, int status, String what) {
        String reference = UUID.randomUUID().toString();
        failures.warn("request failed (reference " + reference + ")", failure);
        LOG.debug("request {} failed", reference, failure);
        write(ctx, new Problem(status, what + "; the server log has it under reference " + reference));
    }

    void write(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(json.write(problem.body()));
    }
}
