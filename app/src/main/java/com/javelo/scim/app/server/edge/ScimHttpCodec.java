package com.javelo.scim.app.server.edge;

import com.javelo.scim.adapter.jersey.HeaderSizeLimit;
import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP/1.1 parser, with these changes: the requests it refuses itself (a header block over
 * the listener's limit, a malformed request line, header or chunk) are answered as SCIM errors
 * rather than a bare 400; every request's first bytes start its {@link ReadDeadlines} clock, so that
 * headers sent slowly are bounded too; a request framed twice is marked for refusal; and
 * {@code Expect: 100-continue} is answered as soon as the headers are in.
 */
final class ScimHttpCodec extends HttpServerFilter {

    /** The request attribute set on a request with both framings. */
    static final String AMBIGUOUS_FRAMING = "javelo.scim.edge.ambiguousFraming";

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ReadDeadlines deadlines;
    private final long maxBodyBytes;

    ScimHttpCodec(
            boolean chunking,
            int maxHeaderBytes,
            KeepAlive keepAlive,
            int maxRequestHeaders,
            int maxResponseHeaders,
            ReadDeadlines deadlines,
            long maxBodyBytes) {
        // As HttpServer builds its own parser: no default content type, no keep-alive executor.
        super(chunking, maxHeaderBytes, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
        this.deadlines = deadlines;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (EdgeAnswers.isRefused(ctx.getConnection())) {
            return ctx.getStopAction();
        }
        deadlines.bytesArrived(ctx.getConnection());
        return super.handleRead(ctx);
    }

    /**
     * Marks a request framed by both {@code Content-Length} and {@code Transfer-Encoding}, for
     * {@link WholeRequests} to refuse. It must be seen here: once chunked framing is chosen, the
     * parser drops the {@code Content-Length} header it read before.
     */
    @Override
    protected void onHttpHeadersParsed(HttpHeader header, MimeHeaders headers, FilterChainContext ctx) {
        if (header instanceof HttpRequestPacket request) {
            if (headers.getHeader(Header.TransferEncoding) != null
                    && (headers.getHeader(Header.ContentLength) != null
                            || request instanceof HttpPacketParsing parsing
                                    && parsing.getHeaderParsingState().contentLengthHeadersCount > 0)) {
                request.setAttribute(AMBIGUOUS_FRAMING, Boolean.TRUE);
            } else if ("100-continue".equalsIgnoreCase(headers.getHeader(Header.Expect))
                    && request.getContentLength() <= maxBodyBytes) {
                // Grizzly's handler would say it, but runs only once the body is in (WholeRequests):
                // said here, below the parser, so a client waiting for it sends its body at once.
                ctx.write(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, CONTINUE));
            }
        }
        super.onHttpHeadersParsed(header, headers, ctx);
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable failure) throws IOException {
        String message = failure == null ? null : failure.getMessage();
        if (message != null && message.contains("too large") && header instanceof HttpRequestPacket request) {
            request.getResponse().setStatus(431);
        }
        deadlines.forget(ctx.getConnection());
        super.onHttpHeaderError(header, ctx, failure);
    }

    @Override
    protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable failure) throws IOException {
        deadlines.forget(ctx.getConnection());
        super.onHttpContentError(header, ctx, failure);
    }

    /** Grizzly's refusal, with a SCIM error body instead of none. */
    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        ScimError error = switch (response.getStatus()) {
            case 431 ->
                ScimErrors.headersTooLarge(
                                "the request headers are larger than " + HeaderSizeLimit.MAX_HEADER_BYTES + " bytes")
                        .error();
            case 505 ->
                ScimErrors.ofHttpStatus(
                                505,
                                "the request line must be 'METHOD /path HTTP/1.1' (send a space"
                                        + " in the URI as %20)")
                        .error();
            default ->
                ScimErrors.ofHttpStatus(
                                response.getStatus(),
                                "the request is not valid HTTP/1.1 (its request"
                                        + " line, a header or its chunked body is malformed)")
                        .error();
        };
        byte[] body = EdgeAnswers.json(error);
        response.setContentType(EdgeAnswers.SCIM_JSON_UTF8);
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }
}
