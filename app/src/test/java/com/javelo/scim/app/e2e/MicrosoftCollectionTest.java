package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replays Microsoft's reference SCIM Postman collection (the offline stand-in for Entra's
 * validator, copied under test resources with its MIT licence) against the real server, and
 * checks every assertion its test scripts make. The scripts use a handful of forms; each is
 * interpreted here, and an unknown form fails the test rather than being skipped.
 */
class MicrosoftCollectionTest extends EndToEndTest {

    private static final List<String> FOLDERS = List.of(
            "Endpoint tests",
            "User tests",
            "Group tests",
            "ComplexAttribute tests",
            "User tests with garbage",
            "Group tests with garbage",
            "Teardown garbage");
    private static final Pattern STATUS = Pattern.compile("pm\\.response\\.to\\.have\\.status\\((\\d+)\\)");
    private static final Pattern SET = Pattern.compile("pm\\.environment\\.set\\(\"(\\w+)\", jsonData\\.id\\)");
    private static final Pattern GET = Pattern.compile("var id = pm\\.environment\\.get\\(\"(\\w+)\"\\)");
    private static final Pattern EQL =
            Pattern.compile("pm\\.expect\\(jsonData\\.([\\w.\\[\\]]+)\\)\\.to\\.eql\\((.+)\\);");
    private static final Pattern INCLUDE =
            Pattern.compile("pm\\.expect\\(pm\\.response\\.text\\(\\)\\)\\.to\\.(not\\.)?include\\((.+)\\);");

    private final Map<String, String> environment = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int assertions;

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void everyAssertionOfTheCollectionHolds(TestServer.Database database) throws IOException {
        start(database);
        environment.put("Protocol", "http");
        environment.put("Server", "127.0.0.1");
        environment.put("Port", ":" + server.port());
        environment.put("Api", "scim/v2");
        JsonNode collection;
        try (InputStream in = getClass().getResourceAsStream("/microsoft-scim-collection.json")) {
            collection = Http.JSON.readTree(in);
        }
        for (String folder : FOLDERS) {
            for (JsonNode folderNode : collection.get("item")) {
                if (folderNode.get("name").asText().equals(folder)) {
                    folderNode
                            .get("item")
                            .forEach(item ->
                                    run(folder + " / " + item.get("name").asText(), item));
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(assertions).isEqualTo(103);
    }

    private void run(String name, JsonNode item) {
        JsonNode request = item.get("request");
        String url = substitute(request.get("url").get("raw").asText())
                .replace(" ", "%20")
                .replace("\"", "%22");
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
        request.path("header").forEach(header -> {
            headers.add(header.get("key").asText());
            headers.add(substitute(header.get("value").asText()));
        });
        String body = request.has("body") && request.get("body").has("raw")
                ? substitute(request.get("body").get("raw").asText())
                : null;
        Answer answer = Http.send(request.get("method").asText(), url, body, headers.toArray(String[]::new));
        for (JsonNode event : item.path("event")) {
            if (event.get("listen").asText().equals("test")) {
                interpret(name, event.get("script").get("exec"), answer);
            }
        }
    }

    private void interpret(String name, JsonNode script, Answer answer) {
        String id = null;
        for (JsonNode lineNode : script) {
            String line = lineNode.asText().strip();
            Matcher matcher;
            if ((matcher = STATUS.matcher(line)).find()) {
                check(
                        name,
                        answer.status() == Integer.parseInt(matcher.group(1)),
                        "status " + matcher.group(1) + " expected, got " + answer.status() + ": " + answer.body());
            } else if ((matcher = SET.matcher(line)).find()) {
                environment.put(matcher.group(1), answer.json().path("id").asText());
            } else if ((matcher = GET.matcher(line)).find()) {
                id = environment.get(matcher.group(1));
            } else if ((matcher = EQL.matcher(line)).find()) {
                JsonNode actual = answer.json().at(pointer(matcher.group(1)));
                String expected = matcher.group(2).strip();
                JsonNode wanted =
                        expected.equals("id") ? Http.JSON.getNodeFactory().textNode(id) : parse(expected);
                check(name, actual.equals(wanted), matcher.group(1) + " should be " + wanted + ", was " + actual);
            } else if ((matcher = INCLUDE.matcher(line)).find()) {
                String argument = matcher.group(2).strip();
                String text = argument.equals("id") ? id : parse(argument).asText();
                boolean contains = answer.body().contains(text);
                boolean negated = matcher.group(1) != null;
                check(name, negated != contains, (negated ? "should not include " : "should include ") + text);
            } else if (line.startsWith("pm.expect")) {
                failures.add(name + ": unknown assertion form " + line);
            }
        }
    }

    private void check(String name, boolean holds, String detail) {
        assertions++;
        if (!holds) {
            failures.add(name + ": " + detail);
        }
    }

    private String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            result = result.replace("{{" + variable.getKey() + "}}", variable.getValue());
        }
        return result;
    }

    private static String pointer(String path) {
        return "/" + path.replaceAll("\\[(\\d+)\\]", ".$1").replace('.', '/');
    }

    private static JsonNode parse(String literal) {
        try {
            return Http.JSON.readTree(literal);
        } catch (IOException e) {
            throw new AssertionError("cannot read literal " + literal, e);
        }
    }
}
