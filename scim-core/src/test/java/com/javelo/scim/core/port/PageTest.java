package com.javelo.scim.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageTest {

    private final AtomicInteger counts = new AtomicInteger();

    private long countOf(long total) {
        counts.incrementAndGet();
        return total;
    }

    private static ResourceQuery page(long offset, int limit) {
        return new ResourceQuery(null, null, true, offset, limit);
    }

    @Test
    void aPageThatIsNotFullTellsTheTotalWithoutCounting() {
        Page<String> lookup = Page.read(page(0, 100), () -> List.of("alice"), () -> countOf(1));
        Page<String> lastPage = Page.read(page(200, 100), () -> List.of("x", "y"), () -> countOf(202));

        assertThat(lookup.totalResults()).isEqualTo(1);
        assertThat(lastPage.totalResults()).isEqualTo(202);
        assertThat(counts).hasValue(0);
    }

    @Test
    void aFullPageOrOnePastTheEndCountsTheWholeResult() {
        Page<String> full = Page.read(page(0, 2), () -> List.of("x", "y"), () -> countOf(7));
        Page<String> pastTheEnd = Page.read(page(50, 10), List::of, () -> countOf(7));

        assertThat(full.totalResults()).isEqualTo(7);
        assertThat(pastTheEnd.totalResults()).isEqualTo(7);
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(counts).hasValue(2);
    }

    @Test
    void aCountOnlyQueryFetchesNothing() {
        Page<String> count = Page.read(
                page(0, 0),
                () -> {
                    throw new AssertionError("no page was asked for");
                },
                () -> countOf(3));

        assertThat(count.totalResults()).isEqualTo(3);
        assertThat(count.items()).isEmpty();
    }
}
