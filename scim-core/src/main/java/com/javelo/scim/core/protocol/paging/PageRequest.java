package com.javelo.scim.core.protocol.paging;

/**
 * Which page of a list the client asked for (RFC 7644 §3.4.2.4), already clamped to what the
 * server serves: {@code startIndex} is 1-based and at least 1; {@code count} is between 0 and the
 * server's maximum, and 0 asks for {@code totalResults} only.
 *
 * <p>For example: {@code PageRequest.of(0, 500, 100, 200)} is {@code startIndex=1, count=200}.
 */
public record PageRequest(int startIndex, int count) {

    public PageRequest {
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based: " + startIndex);
        }
        if (count < 0) {
            throw new IllegalArgumentException("negative count: " + count);
        }
    }

    /**
     * Reads the query parameters leniently, as the RFC asks: a missing or below-1
     * {@code startIndex} is 1, a missing {@code count} is {@code defaultCount}, a negative one is 0,
     * and one above {@code maxCount} is {@code maxCount} (the server "MAY return fewer results").
     *
     * @param startIndex the {@code startIndex} parameter, or {@code null}
     * @param count the {@code count} parameter, or {@code null}
     */
    public static PageRequest of(Integer startIndex, Integer count, int defaultCount, int maxCount) {
        if (maxCount < 0 || defaultCount < 0) {
            throw new IllegalArgumentException(
                    "page sizes must not be negative: default " + defaultCount + ", max " + maxCount);
        }
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int requested = count == null ? defaultCount : Math.max(count, 0);
        return new PageRequest(start, Math.min(requested, maxCount));
    }

    /** @return how many resources to skip, for 0-based storage queries. */
    public long offset() {
        return startIndex - 1L;
    }

    /** @return whether the client asked only for {@code totalResults} ({@code count=0}). */
    public boolean totalsOnly() {
        return count == 0;
    }
}
