package com.javelo.scim.app.server.edge;

import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrors;
import java.io.IOException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;

/**
 * Hands a request to the HTTP handler (and so to a worker thread that runs Jersey) only once it
 * is whole: its body is gathered here, chunk by chunk as it arrives, without a thread waiting for
 * it. A client that sends its body slowly therefore holds a socket, not a worker, and the read
 * deadline bounds even that. Grizzly's own {@code AggregatorAddOn} does the gathering part; this one
 * also bounds it (413 over the body limit, before the bytes are kept), and refuses a request framed
 * by both {@code Content-Length} and {@code Transfer-Encoding} (400: the two framings disagree about
 * where the body ends, the root of request smuggling, RFC 9112 §6.1) or whose URI is not one
 * ({@link RequestTargets}, 400).
 */
final class WholeRequests extends BaseFilter {

    /**
     * The body limit of an import of a company's people ({@code POST /admin/v1/tenants/{id}/imports},
     * issue #18): 10,000 rows of CSV are about 1 MB, so the SCIM limit would cut a company in pieces;
     * 16 MiB leaves room for 100,000 rows, and a 50 MB file is still refused before it is kept.
     */
    static final long IMPORT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    private final ReadDeadlines deadlines;
    private final long maxBodyBytes;

    WholeRequests(ReadDeadlines deadlines, long maxBodyBytes) {
        this.deadlines = deadlines;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Connection<?> connection = ctx.getConnection();
        if (EdgeAnswers.isRefused(connection)) {
            return ctx.getStopAction();
        }
        ReadDeadlines.Reading reading = deadlines.current(connection);
        if (reading.request != request) {
            reading.request = request;
            ScimError refusal = refusal(request);
            if (refusal != null) {
                deadlines.forget(connection);
                EdgeAnswers.refuse(connection, request, refusal);
                return ctx.getStopAction();
            }
        }
        if (content.getContent().remaining() > limit(request)) {
            deadlines.forget(connection);
            EdgeAnswers.refuse(connection, request, tooLarge(request));
            return ctx.getStopAction();
        }
        if (!content.isLast()) {
            // Kept by the filter chain and handed back, with what arrives next appended.
            return ctx.getStopAction(content);
        }
        if (!deadlines.complete(connection, reading)) {
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    private ScimError refusal(HttpRequestPacket request) {
        if (request.getAttribute(ScimHttpCodec.AMBIGUOUS_FRAMING) != null) {
            return ScimErrors.invalidSyntax("the request has both Content-Length and "
                            + "Transfer-Encoding headers; send exactly one of them")
                    .error();
        }
        String target = RequestTargets.problem(request.getRequestURI(), "path");
        if (target == null) {
            target = RequestTargets.problem(request.getQueryString(), "query");
        }
        if (target == null) {
            target = RequestTargets.hostProblem(request.getHeader(Header.Host));
        }
        if (target != null) {
            return ScimErrors.badRequest(target).error();
        }
        if (request.getContentLength() > limit(request)) {
            return tooLarge(request);
        }
        return null;
    }

    private long limit(HttpRequestPacket request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith("/admin/v1/tenants/") && uri.endsWith("/imports")
                ? Math.max(maxBodyBytes, IMPORT_MAX_BODY_BYTES)
                : maxBodyBytes;
    }

    private ScimError tooLarge(HttpRequestPacket request) {
        return ScimErrors.payloadTooLarge("the request body is larger than " + limit(request) + " bytes")
                .error();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        deadlines.forget(ctx.getConnection());
        return ctx.getInvokeAction();
    }
}
