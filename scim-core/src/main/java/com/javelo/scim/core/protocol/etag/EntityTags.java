package com.javelo.scim.core.protocol.etag;

import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.resource.Version;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one spelling of a version as {@code meta.version} and the {@code ETag} header: a weak tag
 * {@code W/"<n>"} (RFC 7644 §3.14), and the parsing of {@code If-Match} / {@code If-None-Match}.
 */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?([0-9]{1,18})\"?\\s*");

    private EntityTags() {}

    public static String of(Version version) {
        return "W/\"" + version.value() + "\"";
    }

    /** @return the version a tag names; empty for {@code *}, blank, or a tag this server never issued */
    public static Optional<Version> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher matcher = TAG.matcher(tag);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(matcher.group(1));
        return value < 1 ? Optional.empty() : Optional.of(new Version(value));
    }

    /**
     * @return the expectation an {@code If-Match} header sets: any version when absent or {@code *};
     *     a tag this server never issued can match nothing (version 0 is impossible), so it fails with 412
     */
    public static ExpectedVersion expectation(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return ExpectedVersion.any();
        }
        return parse(ifMatch).map(ExpectedVersion::of).orElse(ExpectedVersion.of(new Version(Long.MAX_VALUE)));
    }
}
