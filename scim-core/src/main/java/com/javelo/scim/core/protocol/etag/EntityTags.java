package com.javelo.scim.core.protocol.etag;

import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.resource.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one spelling of a version as {@code meta.version} and the {@code ETag} header: a weak tag
 * {@code W/"<n>"} (RFC 7644 §3.14), and the parsing of {@code If-Match} / {@code If-None-Match}.
 *
 * <p>A user's representation also carries its {@code groups}, which change through /Groups without
 * touching the user's row (a membership is one row; changing it must not lock or rewrite the
 * member). So a user's tag is {@code W/"<n>.<h>"}: its version, then a hash of the groups the
 * representation shows (ids and names), omitted when it shows none. {@code If-None-Match} compares
 * whole tags (a changed membership is a changed body); {@code If-Match} compares the version, the
 * part a PUT, PATCH or DELETE can conflict on ({@code groups} is read-only on /Users).
 */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?([0-9]{1,18})(?:\\.[0-9a-f]{1,16})?\"?\\s*");

    private EntityTags() {}

    public static String of(Version version) {
        return "W/\"" + version.value() + "\"";
    }

    /** @return a user's tag: its version and the groups its representation shows */
    public static String of(Version version, List<GroupMembership> groups) {
        if (groups.isEmpty()) {
            return of(version);
        }
        return "W/\"" + version.value() + "." + hash(groups) + "\"";
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

    /**
     * @param ifNoneMatch the header: {@code *} or a comma-separated list of tags
     * @param current the tag of the resource as it is now
     * @return whether a GET may answer 304 (RFC 9110 §13.1.2: {@code *} matches any existing
     *     resource; tags compare weakly, i.e. ignoring {@code W/})
     */
    public static boolean noneMatchFails(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || current == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String wanted = opaque(current);
        for (String tag : ifNoneMatch.split(",")) {
            if (opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String stripped = tag.strip();
        return stripped.startsWith("W/") ? stripped.substring(2) : stripped;
    }

    private static String hash(List<GroupMembership> groups) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (GroupMembership group : groups) {
                digest.update(group.groupId().value().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(String.valueOf(group.displayName()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
