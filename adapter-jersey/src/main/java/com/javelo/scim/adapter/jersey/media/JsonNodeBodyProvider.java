package com.javelo.scim.adapter.jersey.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.ScimJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes SCIM bodies as Jackson trees with the core's one mapper: malformed JSON, invalid
 * UTF-8, duplicate keys, over-deep nesting and over-long numbers become 400 {@code invalidSyntax}, bodies over the limit 413, before
 * any resource code runs.
 */
public final class JsonNodeBodyProvider implements MessageBodyReader<JsonNode>, MessageBodyWriter<JsonNode> {

    private final ObjectMapper mapper = ScimJson.mapper();
    private final long maxBodyBytes;

    public JsonNodeBodyProvider(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public JsonNode readFrom(
            Class<JsonNode> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entityStream)
            throws IOException {
        String length = headers.getFirst("Content-Length");
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream limited = new LimitedInputStream(entityStream, maxBodyBytes)) {
            JsonNode node = mapper.readTree(strictUtf8(limited.readAllBytes()));
            if (node == null || node.isMissingNode()) {
                throw ScimErrors.invalidSyntax("the request body is empty; send a JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw ScimErrors.invalidSyntax(ScimJson.describe(e));
        } catch (JsonProcessingException e) {
            throw ScimErrors.invalidSyntax(
                    "the request body is not valid JSON: " + e.getOriginalMessage() + locationOf(e));
        } catch (CharConversionException e) {
            throw ScimErrors.invalidSyntax("the request body is not valid UTF-8");
        }
    }

    /** Jackson tolerates overlong UTF-8 forms; RFC 3629 does not, and neither do we. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ScimErrors.invalidSyntax("the request body is not valid UTF-8");
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private RuntimeException tooLarge() {
        return ScimErrors.payloadTooLarge("the request body is larger than " + maxBodyBytes + " bytes");
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            JsonNode node,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream entityStream)
            throws IOException {
        mapper.writeValue(new NonClosingOutputStream(entityStream), node);
    }

    /** Stops reading past the limit, so a huge body is refused without being buffered. */
    private final class LimitedInputStream extends FilterInputStream {
        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                remaining -= read;
                if (remaining < 0) {
                    throw tooLarge();
                }
            }
            return read;
        }
    }

    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
