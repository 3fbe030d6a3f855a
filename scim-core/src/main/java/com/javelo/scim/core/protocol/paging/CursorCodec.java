package com.javelo.scim.core.protocol.paging;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.domain.id.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Issues and reads the opaque cursors of RFC 9865. A cursor holds the keyset position the next
 * page starts after, a digest of the tenant and the query it belongs to (resource type, filter),
 * and its expiry; it is sealed with an HMAC so that a client cannot forge or alter one. It is
 * base64url without padding, so only RFC 3986 unreserved characters, as RFC 9865 §2 asks. The
 * position of a sorted list holds the last resource's sort value, typed ({@link SortValue}), and
 * the query it is bound to names the sort, so a cursor used with another sort is refused too.
 *
 * <p>The key is supplied lazily (the application derives it from a secret kept in the database,
 * so every instance reads the cursors any other issued) and read once.
 *
 * <p>For example: {@code codec.issue(tenant, "Users|userName sw \"a\"", position)} gives a string
 * {@code codec.read(cursor, tenant, "Users|userName sw \"a\"")} turns back into {@code position},
 * and that any other tenant or query refuses with 400 {@code invalidCursor}.
 */
public final class CursorCodec {

    /** A place in the default order (the format cursors had before sorting, still read). */
    private static final byte FORMAT = 1;
    /** A place in a sorted order: the last resource's typed sort value comes before creation and id. */
    private static final byte FORMAT_SORTED = 2;

    private static final byte ABSENT = 0;
    private static final byte TEXT = 1;
    private static final byte BOOLEAN = 2;
    private static final byte NUMBER = 3;
    private static final byte DATE_TIME = 4;
    private static final int DIGEST_BYTES = 16;
    private static final int MAC_BYTES = 16;
    /**
     * Well above a cursor's size (about 120 characters, plus a sorted one's value: 4/3 of its UTF-8
     * bytes); anything longer is not one of ours.
     */
    private static final int MAX_CURSOR_CHARS = 12_000;

    private final Supplier<byte[]> keySource;
    private final Clock clock;
    private final Duration timeout;
    private volatile HmacSha256 hmac;

    public CursorCodec(Supplier<byte[]> keySource, Clock clock, Duration timeout) {
        this.keySource = Objects.requireNonNull(keySource, "keySource");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the cursor timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
    }

    /** A codec with a key of its own: cursors are read only by this process (tests, embedding). */
    public static CursorCodec withRandomKey(Clock clock, Duration timeout) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CursorCodec(() -> key, clock, timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * @param query what the cursor is bound to besides the tenant, in a canonical spelling
     * @return the cursor for the page after {@code position}
     */
    public String issue(TenantId tenant, String query, KeysetPosition position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(position.sorted() ? FORMAT_SORTED : FORMAT);
            out.write(digest(tenant, query));
            if (position.sorted()) {
                writeValue(out, position.sortValue());
            }
            out.writeLong(position.created().getEpochSecond());
            out.writeInt(position.created().getNano());
            out.writeUTF(position.id());
            out.writeLong(clock.instant().plus(timeout).getEpochSecond());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] sealed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, sealed, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * @return the position the page after {@code cursor} starts after
     * @throws ScimException 400 {@code invalidCursor} when the
     *     cursor is not one this service issued, or was issued for another tenant or query; 400
     *     {@code expiredCursor} when it is older than the timeout
     */
    public KeysetPosition read(String cursor, TenantId tenant, String query) {
        byte[] sealed = decode(cursor);
        byte[] payload = Arrays.copyOf(sealed, sealed.length - MAC_BYTES);
        byte[] seal = Arrays.copyOfRange(sealed, payload.length, sealed.length);
        if (!MessageDigest.isEqual(seal, Arrays.copyOf(mac(payload), MAC_BYTES))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_SORTED) {
                throw invalid();
            }
            byte[] boundTo = in.readNBytes(DIGEST_BYTES);
            SortValue sortValue = format == FORMAT_SORTED ? readValue(in) : null;
            Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String id = in.readUTF();
            Instant expires = Instant.ofEpochSecond(in.readLong());
            if (!MessageDigest.isEqual(boundTo, digest(tenant, query))) {
                throw ScimErrors.invalidCursor(
                        "This cursor belongs to another query: repeat the filter, sortBy and sortOrder of the request"
                                + " that returned it (only 'cursor' changes between pages), or start again with an empty 'cursor'.");
            }
            if (clock.instant().isAfter(expires)) {
                throw ScimErrors.expiredCursor("The cursor has expired: request the next page within "
                        + timeout.toSeconds() + " seconds (cursorTimeout), or start again with an empty 'cursor'.");
            }
            return new KeysetPosition(sortValue, created, id);
        } catch (IOException | DateTimeException | NumberFormatException e) {
            // Sealed by our key, so only a key shared with an incompatible version gets here.
            throw invalid();
        }
    }

    private static void writeValue(DataOutputStream out, SortValue value) throws IOException {
        if (value instanceof SortValue.Text text) {
            byte[] utf8 = text.value().getBytes(StandardCharsets.UTF_8);
            out.writeByte(TEXT);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (value instanceof SortValue.Bool bool) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(bool.value());
        } else if (value instanceof SortValue.Number number) {
            out.writeByte(NUMBER);
            out.writeUTF(number.value().toString());
        } else if (value instanceof SortValue.DateTime dateTime) {
            out.writeByte(DATE_TIME);
            out.writeLong(dateTime.value().getEpochSecond());
            out.writeInt(dateTime.value().getNano());
        } else {
            out.writeByte(ABSENT);
        }
    }

    private static SortValue readValue(DataInputStream in) throws IOException {
        byte type = in.readByte();
        switch (type) {
            case ABSENT:
                return SortValue.ABSENT;
            case TEXT:
                int length = in.readInt();
                if (length < 0 || length > MAX_CURSOR_CHARS) {
                    throw new IOException("text too long");
                }
                byte[] utf8 = in.readNBytes(length);
                if (utf8.length != length) {
                    throw new IOException("truncated text");
                }
                return new SortValue.Text(new String(utf8, StandardCharsets.UTF_8));
            case BOOLEAN:
                return new SortValue.Bool(in.readBoolean());
            case NUMBER:
                return new SortValue.Number(new BigDecimal(in.readUTF()));
            case DATE_TIME:
                return new SortValue.DateTime(Instant.ofEpochSecond(in.readLong(), in.readInt()));
            default:
                throw new IOException("unknown sort value type " + type);
        }
    }

    private static byte[] decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(cursor);
            if (sealed.length <= MAC_BYTES + 1 + DIGEST_BYTES) {
                throw invalid();
            }
            return sealed;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] mac(byte[] payload) {
        HmacSha256 current = hmac;
        if (current == null) {
            current = new HmacSha256(keySource.get());
            hmac = current;
        }
        return current.mac(payload);
    }

    private static byte[] digest(TenantId tenant, String query) {
        MessageDigest sha256 = HmacSha256.sha256();
        sha256.update(tenant.value().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        return Arrays.copyOf(sha256.digest(query.getBytes(StandardCharsets.UTF_8)), DIGEST_BYTES);
    }

    private static ScimException invalid() {
        return ScimErrors.invalidCursor("The cursor is not one this service issued: send the 'nextCursor' of the"
                + " previous page unchanged, or an empty 'cursor' for the first page.");
    }
}
