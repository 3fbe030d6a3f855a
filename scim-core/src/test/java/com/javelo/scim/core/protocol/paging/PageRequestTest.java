package com.javelo.scim.core.protocol.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void missingParametersMeanTheFirstPageOfTheDefaultSize() {
        assertThat(PageRequest.of(null, null, 100, 200)).isEqualTo(new PageRequest(1, 100));
    }

    @Test
    void aStartIndexBelowOneIsOne() {
        assertThat(PageRequest.of(0, 10, 100, 200).startIndex()).isEqualTo(1);
        assertThat(PageRequest.of(-5, 10, 100, 200).startIndex()).isEqualTo(1);
    }

    @Test
    void aNegativeCountIsZeroWhichAsksForTotalsOnly() {
        PageRequest page = PageRequest.of(1, -3, 100, 200);

        assertThat(page.count()).isZero();
        assertThat(page.totalsOnly()).isTrue();
        assertThat(PageRequest.of(1, 0, 100, 200).totalsOnly()).isTrue();
    }

    @Test
    void aCountAboveTheMaximumIsTheMaximum() {
        assertThat(PageRequest.of(1, 5000, 100, 200).count()).isEqualTo(200);
        assertThat(PageRequest.of(1, null, 500, 200).count()).isEqualTo(200);
    }

    @Test
    void oktasImportPagesAreKeptAsAsked() {
        PageRequest second = PageRequest.of(101, 100, 100, 200);

        assertThat(second).isEqualTo(new PageRequest(101, 100));
        assertThat(second.offset()).isEqualTo(100);
    }
}
