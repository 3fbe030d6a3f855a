package com.javelo.scim.app.robustness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated corpus of malformed SCIM requests: broken JSON, wrong types, huge and deeply nested
 * bodies, invalid filters and PATCH paths, unknown attributes, invalid UTF-8 and oversized headers.
 * Deterministic (fixed seed), so a failure names a reproducible case.
 */
final class BadInputCorpus {

    /** One request to send; {@code path} is relative to the SCIM base, e.g. {@code /Users?filter=…}. */
    record BadRequest(String name, String method, String path, Map<String, String> headers, byte[] body) {}

    /** A request and the SCIM error it must get, the same on every database. */
    record Refusal(BadRequest request, int status, String scimType, List<String> detailMentions) {}

    private static final String JSON = "application/scim+json";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private BadInputCorpus() {}

    static List<BadRequest> generate(String existingUserId, String existingGroupId) {
        List<BadRequest> corpus = new ArrayList<>();
        Random random = new Random(7643);
        String validUser =
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"corpus@x.example\","
                        + "\"name\":{\"givenName\":\"C\",\"familyName\":\"D\"},\"emails\":[{\"value\":\"corpus@x.example\"}],\"active\":true}";
        // 1. Every prefix of a valid body is broken JSON.
        for (int cut = 1; cut < validUser.length(); cut += 2) {
            corpus.add(body("truncated-" + cut, "POST", "/Users", validUser.substring(0, cut)));
        }
        // 2. Random corruptions of a structural character (outside strings, so the result is never valid JSON).
        List<Integer> structural = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < validUser.length(); i++) {
            char c = validUser.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (!inString && "{}[]:,".indexOf(c) >= 0) {
                structural.add(i);
            }
        }
        for (int i = 0; i < 200; i++) {
            char[] chars = validUser.toCharArray();
            int at = structural.get(random.nextInt(structural.size()));
            String replacements = "{}[]:,".replace(String.valueOf(chars[at]), "") + "x";
            chars[at] = replacements.charAt(random.nextInt(replacements.length()));
            corpus.add(body(
                    "corrupted-" + i,
                    i % 2 == 0 ? "POST" : "PUT",
                    i % 2 == 0 ? "/Users" : "/Users/" + existingUserId,
                    new String(chars)));
        }
        // 3. Wrong JSON types for known attributes.
        String[][] wrongTypes = {
            {"userName", "42"},
            {"userName", "true"},
            {"userName", "{}"},
            {"userName", "[]"},
            {"active", "\"maybe\""},
            {"active", "3"},
            {"active", "{}"},
            {"name", "\"Ada\""},
            {"name", "[1]"},
            {"emails", "\"a@b.c\""},
            {"emails", "42"},
            {"emails", "[42]"},
            {"emails", "[[\"a\"]]"},
            {"displayName", "{\"x\":1}"},
            {"externalId", "[]"},
            {"phoneNumbers", "true"},
            {"addresses", "\"x\""},
            {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "\"x\""},
        };
        for (String[] wrong : wrongTypes) {
            String json = "{\"userName\":\"wt@x.example\",\"" + wrong[0] + "\":" + wrong[1] + "}";
            if (wrong[0].equals("userName")) {
                json = "{\"userName\":" + wrong[1] + "}";
            }
            corpus.add(body("wrong-type-" + wrong[0] + "-" + wrong[1], "POST", "/Users", json));
            corpus.add(body("wrong-type-put-" + wrong[0] + "-" + wrong[1], "PUT", "/Users/" + existingUserId, json));
        }
        // 4. Not an object at all.
        for (String notObject : List.of("[]", "\"user\"", "42", "null", "true", "", " ", "[{}]")) {
            corpus.add(body("not-an-object-" + notObject.strip(), "POST", "/Users", notObject));
            corpus.add(body("group-not-an-object-" + notObject.strip(), "POST", "/Groups", notObject));
            corpus.add(
                    body("patch-not-an-object-" + notObject.strip(), "PATCH", "/Users/" + existingUserId, notObject));
        }
        // 5. Deeply nested and huge bodies.
        for (int depth : new int[] {100, 1_000, 10_000, 100_000}) {
            corpus.add(body("nested-arrays-" + depth, "POST", "/Users", "[".repeat(depth) + "]".repeat(depth)));
            corpus.add(body(
                    "nested-objects-" + depth, "POST", "/Users", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        }
        corpus.add(body("huge-string", "POST", "/Users", "{\"userName\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
        corpus.add(body(
                "huge-array",
                "POST",
                "/Users",
                "{\"userName\":\"h@x.example\",\"emails\":[" + "{\"value\":\"a@b.c\"},".repeat(60_000)
                        + "{\"value\":\"z@b.c\"}]}"));
        // 6. Invalid filters.
        List<String> filters = List.of(
                "userName",
                "userName eq",
                "userName eq \"unclosed",
                "userName foo \"x\"",
                "(userName eq \"x\"",
                "userName eq \"x\")",
                "emails[type eq \"work\"",
                "emails[]",
                "and",
                "or or",
                "not userName eq \"x\"",
                "userName eq \"x\" and",
                "userName eq \"\\q\"",
                "userName eq \"\\u12\"",
                "userName gt",
                "[type eq \"x\"]",
                "userName eq \"x\" xor title eq \"y\"",
                "((((((((((((",
                "userName eq \"x\"".repeat(3),
                "a.b.c eq \"x\"",
                "urn: eq \"x\"",
                "1userName eq \"x\"",
                "userName pr pr",
                "userName eq \"x\" 1.2.3",
                "not (",
                "emails[type eq \"work\"].",
                "(".repeat(5000),
                "unknownAttribute eq \"x\"",
                "password eq \"secret\"",
                "x".repeat(20_000));
        for (String filter : filters) {
            corpus.add(new BadRequest(
                    "filter-" + abbreviate(filter),
                    "GET",
                    "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                    Map.of(),
                    null));
            corpus.add(new BadRequest(
                    "group-filter-" + abbreviate(filter),
                    "GET",
                    "/Groups?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                    Map.of(),
                    null));
        }
        // 7. Invalid paging and sorting.
        for (String query : List.of(
                "startIndex=abc",
                "count=abc",
                "count=1e9",
                "startIndex=99999999999999",
                "sortOrder=sideways",
                "sortBy=%5B%5D",
                "sortBy=password.nope.x",
                "attributes=%5B",
                "excludedAttributes=%00")) {
            corpus.add(new BadRequest("query-" + query, "GET", "/Users?" + query, Map.of(), null));
        }
        // 8. Invalid PATCH requests.
        List<String> patches = List.of(
                "{}",
                "{\"Operations\":[]}",
                "{\"Operations\":{}}",
                "{\"Operations\":[1]}",
                "{\"Operations\":[{}]}",
                "{\"Operations\":[{\"op\":\"jump\",\"path\":\"title\",\"value\":\"x\"}]}",
                "{\"Operations\":[{\"op\":\"remove\"}]}",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}",
                // A sub-attribute no attribute can have: a simple attribute's (a user's complex
                // attributes carry unknown ones as sent, issue #15; a group's refuse them, below).
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title.noSuchAttribute\",\"value\":\"x\"}]}",
                "{\"Operations\":[{\"op\":\"remove\",\"path\":\"active\"}]}",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":42}]}",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"\"}]}",
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"emails\",\"value\":\"notAnArray\"}]}",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"perhaps\"}]}",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"name.givenName.x\",\"value\":\"x\"}]}",
                "{\"Operations\":[{\"op\":\"replace\",\"value\":\"not an object\"}]}",
                "{\"Operations\":[{\"op\":42,\"path\":\"title\"}]}",
                "{\"Operations\":[{\"op\":\"add\",\"path\":42}]}");
        for (String patch : patches) {
            corpus.add(body("user-patch-" + abbreviate(patch), "PATCH", "/Users/" + existingUserId, patch));
            corpus.add(body("group-patch-" + abbreviate(patch), "PATCH", "/Groups/" + existingGroupId, patch));
        }
        // A user's complex attributes carry the sub-attributes they do not define (name.pronunciation,
        // emails[…].verified: kept as sent, issue #15); a group's refuse them.
        String groupSubAttribute =
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"members[value eq \\\"none\\\"].nosuchsub\",\"value\":\"x\"}]}";
        corpus.add(body("group-patch-unknown-sub-attribute", "PATCH", "/Groups/" + existingGroupId, groupSubAttribute));
        // An undeclared attribute is written whole, not by sub-attribute (a group ignores unknown extensions).
        corpus.add(body(
                "user-patch-undeclared-sub-attribute",
                "PATCH",
                "/Users/" + existingUserId,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"urn:acme:User:site.floor\",\"value\":\"x\"}]}"));
        for (String members :
                List.of("[{\"value\":\"no-such-user\"}]", "[{\"display\":\"x\"}]", "[42]", "{\"value\":1}")) {
            corpus.add(body(
                    "members-" + members,
                    "PATCH",
                    "/Groups/" + existingGroupId,
                    "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members + "}]}"));
        }
        corpus.add(body(
                "remove-member-bad-filter",
                "PATCH",
                "/Groups/" + existingGroupId,
                "{\"Operations\":[{\"op\":\"remove\",\"path\":\"members[display co \\\"x\\\"]\"}]}"));
        // 9. Invalid UTF-8.
        byte[][] invalidUtf8 = {
            {(byte) 0xC3, (byte) 0x28},
            {(byte) 0xA0, (byte) 0xA1},
            {(byte) 0xE2, (byte) 0x28, (byte) 0xA1},
            {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC},
            {(byte) 0xFF},
            {(byte) 0xC0, (byte) 0xAF}
        };
        for (int i = 0; i < invalidUtf8.length; i++) {
            byte[] prefix = "{\"userName\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[prefix.length + invalidUtf8[i].length + suffix.length];
            System.arraycopy(prefix, 0, bytes, 0, prefix.length);
            System.arraycopy(invalidUtf8[i], 0, bytes, prefix.length, invalidUtf8[i].length);
            System.arraycopy(suffix, 0, bytes, prefix.length + invalidUtf8[i].length, suffix.length);
            corpus.add(new BadRequest("invalid-utf8-" + i, "POST", "/Users", Map.of("Content-Type", JSON), bytes));
        }
        // 10. Wrong media types, unknown resources and methods, unknown attributes.
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png")) {
            corpus.add(new BadRequest(
                    "media-" + type,
                    "POST",
                    "/Users",
                    Map.of("Content-Type", type),
                    validUser.getBytes(StandardCharsets.UTF_8)));
        }
        for (String path : List.of(
                "/Users/does-not-exist",
                "/Groups/does-not-exist",
                "/Nope",
                "/Users/x/y",
                "/Schemas/urn:nope",
                "/ResourceTypes/Nope")) {
            corpus.add(new BadRequest("unknown-" + path, "GET", path, Map.of(), null));
            corpus.add(body("unknown-put-" + path, "PUT", path, validUser));
            corpus.add(new BadRequest("unknown-delete-" + path, "DELETE", path, Map.of(), null));
        }
        corpus.add(body("patch-schemas", "PATCH", "/Schemas", "{}"));
        corpus.add(new BadRequest("delete-collection", "DELETE", "/Users", Map.of(), null));
        corpus.add(body("post-on-resource", "POST", "/Users/" + existingUserId, validUser));
        corpus.add(body("no-username", "POST", "/Users", "{\"name\":{\"givenName\":\"X\"}}"));
        corpus.add(body("blank-username", "POST", "/Users", "{\"userName\":\"   \"}"));
        corpus.add(body("group-without-name", "POST", "/Groups", "{\"members\":[]}"));
        corpus.add(body(
                "group-unknown-member",
                "POST",
                "/Groups",
                "{\"displayName\":\"G\",\"members\":[{\"value\":\"nobody\"}]}"));
        corpus.add(body(
                "self-manager",
                "POST",
                "/Users",
                "{\"userName\":\"self@x.example\",\"urn:ietf:params:scim:schemas:"
                        + "extension:enterprise:2.0:User\":{\"manager\":{\"value\":\"self@x.example\"}}}"));
        corpus.add(body("search-not-object", "POST", "/Users/.search", "[]"));
        corpus.add(body("search-bad-filter", "POST", "/Users/.search", "{\"filter\":\"userName eq\"}"));
        corpus.add(body("search-bad-attributes", "POST", "/.search", "{\"attributes\":{}}"));
        // 11. Oversized and odd headers.
        corpus.add(
                new BadRequest("oversized-header", "GET", "/Users", Map.of("X-Padding", "x".repeat(64 * 1024)), null));
        corpus.add(new BadRequest(
                "bad-if-match",
                "PUT",
                "/Users/" + existingUserId,
                Map.of("Content-Type", JSON, "If-Match", "W/\"not-a-version\""),
                validUser.getBytes(StandardCharsets.UTF_8)));
        corpus.addAll(limits(existingUserId, existingGroupId).stream()
                .map(Refusal::request)
                .toList());
        return corpus;
    }

    /**
     * 12. Values over the limits of the attribute definitions, NUL characters, duplicate keys and
     * over-long numbers: each refused with the named attribute and limit, before any SQL runs.
     */
    static List<Refusal> limits(String existingUserId, String existingGroupId) {
        List<Refusal> refusals = new ArrayList<>();
        String user = "/Users/" + existingUserId;
        String group = "/Groups/" + existingGroupId;
        String long1025 = "l".repeat(1025);
        refusals.add(invalidValue(
                "username-1025", "POST", "/Users", "{\"userName\":\"" + long1025 + "\"}", "'userName'", "1024"));
        refusals.add(invalidValue(
                "locale-65",
                "POST",
                "/Users",
                "{\"userName\":\"locale@x.example\",\"locale\":\"" + "l".repeat(65) + "\"}",
                "'locale'",
                "64"));
        refusals.add(invalidValue(
                "put-timezone-65",
                "PUT",
                user,
                "{\"userName\":\"keep@acme.example\",\"timezone\":\"" + "t".repeat(65) + "\"}",
                "'timezone'",
                "64"));
        refusals.add(invalidValue(
                "patch-title-1025",
                "PATCH",
                user,
                "{\"Operations\":[{\"op\":\"replace\"," + "\"path\":\"title\",\"value\":\"" + long1025 + "\"}]}",
                "'title'",
                "1024"));
        refusals.add(invalidValue(
                "patch-pathless-nickname-1025",
                "PATCH",
                user,
                "{\"Operations\":[{\"op\":\"Replace\"," + "\"value\":{\"nickName\":\"" + long1025 + "\"}}]}",
                "'nickName'",
                "1024"));
        refusals.add(invalidValue(
                "patch-given-name-1025",
                "PATCH",
                user,
                "{\"Operations\":[{\"op\":\"add\"," + "\"path\":\"name.givenName\",\"value\":\"" + long1025 + "\"}]}",
                "'name.givenName'",
                "1024"));
        refusals.add(invalidValue(
                "department-1025",
                "POST",
                "/Users",
                "{\"userName\":\"dep@x.example\",\"" + ENTERPRISE + "\":{\"department\":\"" + long1025 + "\"}}",
                "department'",
                "1024"));
        refusals.add(invalidValue(
                "manager-1025",
                "POST",
                "/Users",
                "{\"userName\":\"mgr@x.example\",\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"" + long1025
                        + "\"}}}",
                "manager.value'",
                "1024"));
        refusals.add(invalidValue(
                "email-value-1025",
                "POST",
                "/Users",
                "{\"userName\":\"ev@x.example\"," + "\"emails\":[{\"value\":\"" + long1025 + "\"}]}",
                "'emails.value'",
                "1024"));
        refusals.add(invalidValue(
                "email-type-65",
                "POST",
                "/Users",
                "{\"userName\":\"et@x.example\"," + "\"emails\":[{\"value\":\"et@x.example\",\"type\":\""
                        + "w".repeat(65) + "\"}]}",
                "'emails.type'",
                "64"));
        refusals.add(invalidValue(
                "emails-101",
                "POST",
                "/Users",
                "{\"userName\":\"e101@x.example\",\"emails\":[" + emails(101) + "]}",
                "'emails'",
                "100"));
        refusals.add(invalidValue(
                "emails-11000",
                "POST",
                "/Users",
                "{\"userName\":\"e11k@x.example\",\"emails\":[" + emails(11_000) + "]}",
                "'emails'",
                "100"));
        refusals.add(invalidValue(
                "patch-phone-numbers-101",
                "PATCH",
                user,
                "{\"Operations\":[{\"op\":\"add\"," + "\"path\":\"phoneNumbers\",\"value\":[" + values("+1 555 0", 101)
                        + "]}]}",
                "'phoneNumbers'",
                "100"));
        refusals.add(invalidValue(
                "nul-username", "POST", "/Users", "{\"userName\":\"nul\\u0000@x.example\"}", "'userName'", "NUL"));
        refusals.add(invalidValue(
                "nul-formatted-name",
                "POST",
                "/Users",
                "{\"userName\":\"nul2@x.example\"," + "\"name\":{\"formatted\":\"A\\u0000B\"}}",
                "'name.formatted'",
                "NUL"));
        refusals.add(invalidValue(
                "nul-unknown-extension",
                "POST",
                "/Users",
                "{\"userName\":\"nul3@x.example\"," + "\"urn:example:custom\":{\"note\":\"\\u0000\"}}",
                "NUL"));
        refusals.add(invalidValue(
                "patch-nul-display-name",
                "PATCH",
                user,
                "{\"Operations\":[{\"op\":\"replace\"," + "\"path\":\"displayName\",\"value\":\"x\\u0000\"}]}",
                "'displayName'",
                "NUL"));
        refusals.add(invalidValue(
                "group-display-name-1025",
                "POST",
                "/Groups",
                "{\"displayName\":\"" + long1025 + "\"}",
                "'displayName'",
                "1024"));
        refusals.add(invalidValue(
                "group-patch-display-name-1025",
                "PATCH",
                group,
                "{\"Operations\":[{\"op\":" + "\"replace\",\"path\":\"displayName\",\"value\":\"" + long1025 + "\"}]}",
                "'displayName'",
                "1024"));
        refusals.add(invalidValue(
                "group-member-display-1025",
                "PATCH",
                group,
                "{\"Operations\":[{\"op\":\"add\","
                        + "\"path\":\"members\",\"value\":[{\"value\":\"" + existingUserId + "\",\"display\":\""
                        + long1025 + "\"}]}]}",
                "'members.display'",
                "1024"));
        refusals.add(invalidValue(
                "group-member-display-name-1025",
                "PUT",
                group,
                "{\"displayName\":\"Keep\"," + "\"members\":[{\"value\":\"" + existingUserId + "\",\"displayName\":\""
                        + long1025 + "\"}]}",
                "'members.display'",
                "1024"));
        refusals.add(invalidValue(
                "group-member-value-65",
                "POST",
                "/Groups",
                "{\"displayName\":\"G65\"," + "\"members\":[{\"value\":\"" + "m".repeat(65) + "\"}]}",
                "'members.value'",
                "64"));
        refusals.add(invalidValue(
                "group-nul-external-id",
                "POST",
                "/Groups",
                "{\"displayName\":\"Gnul\"," + "\"externalId\":\"a\\u0000\"}",
                "'externalId'",
                "NUL"));
        refusals.add(new Refusal(
                body(
                        "duplicate-keys",
                        "POST",
                        "/Users",
                        "{\"userName\":\"dup1@x.example\",\"userName\":\"dup2@x.example\"}"),
                400,
                "invalidSyntax",
                List.of("Duplicate", "userName")));
        refusals.add(new Refusal(
                body(
                        "duplicate-keys-nested",
                        "PATCH",
                        user,
                        "{\"Operations\":[{\"op\":\"replace\",\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}"),
                400,
                "invalidSyntax",
                List.of("Duplicate", "op")));
        refusals.add(new Refusal(
                body(
                        "number-5000-digits",
                        "POST",
                        "/Users",
                        "{\"userName\":\"num@x.example\",\"active\":" + "9".repeat(5000) + "}"),
                400,
                "invalidSyntax",
                List.of("number", "1000 digits")));
        for (String filter : List.of("userName eq \"a\u0000b\"", "emails[value eq \"\u0000\"]")) {
            refusals.add(new Refusal(
                    new BadRequest(
                            "filter-nul-" + abbreviate(filter),
                            "GET",
                            "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                            Map.of(),
                            null),
                    400,
                    "invalidFilter",
                    List.of("NUL")));
        }
        return refusals;
    }

    private static Refusal invalidValue(String name, String method, String path, String json, String... mentions) {
        return new Refusal(body(name, method, path, json), 400, "invalidValue", List.of(mentions));
    }

    private static String emails(int count) {
        return values("@x.example", count);
    }

    /** {@code count} distinct values, {@code {"value":"<i><suffix>"}} (a PATCH add merges equal ones). */
    private static String values(String suffix, int count) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < count; i++) {
            values.append(i == 0 ? "" : ",")
                    .append("{\"value\":\"u")
                    .append(i)
                    .append(suffix)
                    .append("\"}");
        }
        return values.toString();
    }

    private static BadRequest body(String name, String method, String path, String json) {
        return new BadRequest(name, method, path, Map.of("Content-Type", JSON), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) : text;
    }
}
