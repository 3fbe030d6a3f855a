package com.javelo.scim.core.protocol.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.domain.id.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final String QUERY = "Users\nuserName sw \"a\"";
    private static final KeysetPosition POSITION =
            new KeysetPosition(Instant.parse("2026-03-01T10:15:30.123Z"), "3f0c1b9e-1c1d-4d5a-9a43-7c2d0f6e8b11");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final byte[] key = "a key every instance derives alike".getBytes();
    private final CursorCodec codec = new CursorCodec(() -> key, clock, Duration.ofMinutes(10));

    @Test
    void aSortedPositionReadsBackWithItsTypedSortValue() {
        for (SortValue value : java.util.List.of(
                SortValue.ABSENT,
                new SortValue.Text("Zoë O'Brien, \u00e9quipe ✓"),
                new SortValue.Text(""),
                new SortValue.Bool(false),
                new SortValue.Number(new java.math.BigDecimal("-12.50")),
                new SortValue.DateTime(Instant.parse("2024-05-01T08:00:00.123456789Z")))) {
            KeysetPosition sorted = new KeysetPosition(value, POSITION.created(), POSITION.id());

            String cursor = codec.issue(ACME, QUERY + "\nsortBy=title descending", sorted);

            assertThat(codec.read(cursor, ACME, QUERY + "\nsortBy=title descending"))
                    .isEqualTo(sorted);
            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            assertScimType(() -> codec.read(cursor, ACME, QUERY + "\nsortBy=title ascending"), "invalidCursor");
            assertScimType(() -> codec.read(cursor, ACME, QUERY), "invalidCursor");
        }
    }

    @Test
    void aCursorReadsBackAsItsPositionOnAnyInstanceSharingTheKey() {
        String cursor = codec.issue(ACME, QUERY, POSITION);
        CursorCodec otherInstance = new CursorCodec(() -> key.clone(), clock, Duration.ofMinutes(10));

        assertThat(otherInstance.read(cursor, ACME, QUERY)).isEqualTo(POSITION);
        assertThat(cursor).matches("[A-Za-z0-9_-]+").hasSizeLessThan(200);
    }

    @Test
    void aCursorOfAnotherTenantOrQueryIsInvalid() {
        String cursor = codec.issue(ACME, QUERY, POSITION);

        assertScimType(() -> codec.read(cursor, GLOBEX, QUERY), "invalidCursor");
        assertScimType(() -> codec.read(cursor, ACME, "Users\nuserName sw \"b\""), "invalidCursor");
        assertScimType(() -> codec.read(cursor, ACME, "Groups\nuserName sw \"a\""), "invalidCursor");
    }

    @Test
    void aForgedOrAlteredCursorIsInvalid() {
        String cursor = codec.issue(ACME, QUERY, POSITION);
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[20] ^= 1;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String otherKey = new CursorCodec(() -> "another key".getBytes(), clock, Duration.ofMinutes(10))
                .issue(ACME, QUERY, POSITION);

        assertScimType(() -> codec.read(altered, ACME, QUERY), "invalidCursor");
        assertScimType(() -> codec.read(otherKey, ACME, QUERY), "invalidCursor");
        assertScimType(() -> codec.read("not a cursor!", ACME, QUERY), "invalidCursor");
        assertScimType(() -> codec.read("AAAA", ACME, QUERY), "invalidCursor");
        assertScimType(() -> codec.read("x".repeat(5000), ACME, QUERY), "invalidCursor");
    }

    @Test
    void aCursorExpiresAfterTheTimeout() {
        String cursor = codec.issue(ACME, QUERY, POSITION);
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertThat(codec.read(cursor, ACME, QUERY)).isEqualTo(POSITION);

        now.set(now.get().plusSeconds(1));

        assertScimType(() -> codec.read(cursor, ACME, QUERY), "expiredCursor");
    }

    private static void assertScimType(ThrowingCallable read, String scimType) {
        assertThatThrownBy(read).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().scimType().wireValue()).isEqualTo(scimType);
        });
    }
}
