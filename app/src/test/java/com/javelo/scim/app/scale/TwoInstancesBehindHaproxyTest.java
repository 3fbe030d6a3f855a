package com.javelo.scim.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service (processes of their own) on one PostgreSQL schema, behind a real
 * HAProxy: concurrent Okta and Entra provisioning of one company loses nothing, a token change on
 * one instance reaches the other within a second, and a rolling restart fails no request.
 */
class TwoInstancesBehindHaproxyTest {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private String schema;
    private Path directory;
    private final List<ServerProcess> instances = new ArrayList<>();
    private Haproxy haproxy;
    private String tenant;
    private String token;

    @BeforeEach
    void startTwoInstancesAndTheBalancer() throws Exception {
        TestServer.requirePostgres();
        schema = "scim_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestServer.execute("CREATE SCHEMA " + schema);
        directory = Files.createTempDirectory("scim-scale");
        for (int i = 1; i <= 2; i++) {
            // The token cache keeps its default (5 s): only the push can make a change seen within 1 s.
            // No per-company limit: this suite counts failed requests, and a 429 would be one.
            instances.add(new ServerProcess(
                    schema,
                    directory.resolve("instance" + i + ".log"),
                    Map.of("SCIM_SHUTDOWN_DRAIN_SECONDS", "2", "SCIM_TENANT_RATE_LIMIT", "0")));
        }
        // The first start migrates the schema; the second finds it migrated.
        instances.get(0).start();
        instances.get(1).start();
        haproxy = Haproxy.start(directory, instances);
        tenant = admin(haproxy.baseUrl(), "POST", "/admin/v1/tenants", "{\"name\":\"Acme\"}")
                .json()
                .get("id")
                .asText();
        token = issueToken(haproxy.baseUrl());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        for (ServerProcess instance : instances) {
            instance.close();
        }
        TestServer.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void oktaAndEntraProvisioningOneCompanyConcurrentlyLoseNothing() throws Exception {
        int users = 16;
        List<Http.Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        // Creates: Okta looks each person up then creates, as Entra does, for half of them each.
        runTogether(
                () -> {
                    for (int i = 0; i < users; i += 2) {
                        ids.put(i, oktaPush(answers, i));
                    }
                    return null;
                },
                () -> {
                    for (int i = 1; i < users; i += 2) {
                        ids.put(i, entraCreate(answers, i));
                    }
                    return null;
                });
        String groupId = okta(
                        answers,
                        "POST",
                        "/Groups",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                                + "\"displayName\":\"Everyone\",\"members\":[]}")
                .json()
                .get("id")
                .asText();

        // Both write the same people and the same group at once, without If-Match.
        int rounds = 4;
        runTogether(
                () -> {
                    for (int round = 1; round <= rounds; round++) {
                        for (int i = 0; i < users; i++) {
                            okta(
                                    answers,
                                    "PATCH",
                                    "/Users/" + ids.get(i),
                                    "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                                            + "[{\"op\":\"replace\",\"value\":{\"title\":\"Title " + round + "\"}}]}");
                        }
                    }
                    for (int i = 0; i < users / 2; i++) {
                        okta(
                                answers,
                                "PATCH",
                                "/Groups/" + groupId,
                                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                                        + "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ids.get(i)
                                        + "\"}]}]}");
                    }
                    for (int i = 0; i < 2; i++) {
                        okta(
                                answers,
                                "PATCH",
                                "/Groups/" + groupId,
                                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                                        + "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ids.get(i)
                                        + "\\\"]\"}]}");
                    }
                    return null;
                },
                () -> {
                    for (int round = 1; round <= rounds; round++) {
                        for (int i = users - 1; i >= 0; i--) {
                            entra(
                                    answers,
                                    "PATCH",
                                    "/Users/" + ids.get(i),
                                    "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                                            + "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Name " + round
                                            + "\"}]}");
                        }
                    }
                    for (int i = users / 2; i < users; i++) {
                        entra(
                                answers,
                                "PATCH",
                                "/Groups/" + groupId,
                                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                                        + "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ids.get(i)
                                        + "\"}]}]}");
                    }
                    for (int i = users / 2; i < users / 2 + 2; i++) {
                        entra(
                                answers,
                                "PATCH",
                                "/Groups/" + groupId,
                                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                                        + "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                                        + ids.get(i) + "\"}]}]}");
                    }
                    return null;
                });

        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isBetween(200, 299));
        // What the same requests would leave, one after the other.
        for (int i = 0; i < users; i++) {
            JsonNode user = okta(answers, "GET", "/Users/" + ids.get(i), null).json();
            assertThat(user.get("title").asText()).isEqualTo("Title " + rounds);
            assertThat(user.get("displayName").asText()).isEqualTo("Name " + rounds);
        }
        Set<String> expected = new HashSet<>();
        for (int i = 2; i < users / 2; i++) {
            expected.add(ids.get(i));
        }
        for (int i = users / 2 + 2; i < users; i++) {
            expected.add(ids.get(i));
        }
        Set<String> members = new HashSet<>();
        okta(answers, "GET", "/Groups/" + groupId, null)
                .json()
                .get("members")
                .forEach(member -> members.add(member.get("value").asText()));
        assertThat(members).isEqualTo(expected);
    }

    @Test
    void aTokenChangedThroughOneInstanceFailsOnTheOtherWithinASecond() throws Exception {
        String first = instances.get(0).baseUrl();
        String second = instances.get(1).baseUrl();
        assertThat(list(second, token))
                .as("accepted, and now remembered, by the second instance")
                .isEqualTo(200);
        String regenerated = issueToken(first);
        assertThat(millisUntilRefused(second, token))
                .as("ms until the regenerated token fails on the other instance")
                .isLessThan(1_000);

        assertThat(list(second, regenerated)).isEqualTo(200);
        assertThat(admin(first, "DELETE", "/admin/v1/tenants/" + tenant + "/scim-token", null)
                        .status())
                .isIn(200, 204);
        assertThat(millisUntilRefused(second, regenerated))
                .as("ms until the revoked token fails on the other instance")
                .isLessThan(1_000);
    }

    @Test
    void aRollingRestartUnderASteadyOktaPushFailsNoRequest() throws Exception {
        AtomicBoolean pushing = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> created = new ConcurrentHashMap<>();
        ExecutorService okta = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            workers.add(okta.submit(() -> {
                for (int i = 0; pushing.get(); i++) {
                    String userName = "w" + worker + "-" + i + "@acme.example";
                    try {
                        List<Http.Answer> answers = new ArrayList<>();
                        String id = oktaPush(answers, worker * 100_000 + i, userName);
                        okta(
                                answers,
                                "PATCH",
                                "/Users/" + id,
                                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                                        + "[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
                        sent.addAndGet(answers.size());
                        answers.stream()
                                .filter(answer -> answer.status() >= 300)
                                .forEach(answer -> failures.add(answer.status() + " " + answer.body()));
                        created.put(id, userName);
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(userName + ": " + e);
                    }
                }
                return null;
            }));
        }
        try {
            Thread.sleep(1_000);
            for (int i = 0; i < instances.size(); i++) {
                ServerProcess instance = instances.get(i);
                instance.signalTerminate();
                assertDraining(instance);
                assertThat(instance.awaitExit()).as("exit code after SIGTERM").isZero();
                instance.start();
                haproxy.awaitUp("scim" + (i + 1));
                Thread.sleep(500);
            }
        } finally {
            pushing.set(false);
            okta.shutdown();
            assertThat(okta.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        assertThat(failures).as("failed requests out of %d", sent.get()).isEmpty();
        assertThat(sent.get()).isGreaterThan(100);
        for (Map.Entry<String, String> user : created.entrySet()) {
            Http.Answer read = okta(new ArrayList<>(), "GET", "/Users/" + user.getKey(), null);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("active").asBoolean()).isFalse();
        }
    }

    /** Right after SIGTERM: readiness is down while the instance still serves requests (the drain). */
    private void assertDraining(ServerProcess instance) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        int ready = 200;
        while (ready == 200 && System.nanoTime() < deadline) {
            ready = Http.send("GET", instance.baseUrl() + "/health/ready", null).status();
            Thread.sleep(20);
        }
        assertThat(ready).as("readiness once SIGTERM is received").isEqualTo(503);
        assertThat(list(instance.baseUrl(), token))
                .as("a request during the drain")
                .isEqualTo(200);
        String server = "scim" + (instances.indexOf(instance) + 1);
        long drainEnds = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (!haproxy.status(server).startsWith("DOWN") && System.nanoTime() < drainEnds) {
            Thread.sleep(20);
        }
        assertThat(haproxy.status(server))
                .as("HAProxy's view before the drain ends")
                .startsWith("DOWN");
        assertThat(list(instance.baseUrl(), token))
                .as("a request once the balancer took the instance out")
                .isEqualTo(200);
    }

    /** Okta's Push New Users: look the person up by userName, then create them. */
    private String oktaPush(List<Http.Answer> answers, int i) {
        return oktaPush(answers, i, "okta" + i + "@acme.example");
    }

    private String oktaPush(List<Http.Answer> answers, int i, String userName) {
        Http.Answer found = okta(
                answers,
                "GET",
                "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8)
                        + "&startIndex=1&count=100",
                null);
        assertThat(found.json().get("totalResults").asInt()).isZero();
        return okta(
                        answers,
                        "POST",
                        "/Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                + "\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"Given" + i
                                + "\",\"familyName\":\"Family\"},"
                                + "\"emails\":[{\"primary\":true,\"value\":\"" + userName
                                + "\",\"type\":\"work\"}],\"active\":true}")
                .json()
                .get("id")
                .asText();
    }

    /** Entra's create: a look-up by userName, then the POST with its externalId. */
    private String entraCreate(List<Http.Answer> answers, int i) {
        String userName = "entra" + i + "@acme.example";
        Http.Answer found = entra(
                answers,
                "GET",
                "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8),
                null);
        assertThat(found.json().get("totalResults").asInt()).isZero();
        return entra(
                        answers,
                        "POST",
                        "/Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"externalId\":\"ext"
                                + i + "\","
                                + "\"userName\":\"" + userName + "\",\"active\":true,\"displayName\":\"Entra " + i
                                + "\","
                                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}]}")
                .json()
                .get("id")
                .asText();
    }

    private Http.Answer okta(List<Http.Answer> answers, String method, String path, String body) {
        String url = haproxy.baseUrl() + "/scim/v2" + path;
        Http.Answer answer = body == null
                ? Http.send(
                        method,
                        url,
                        null,
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "application/scim+json",
                        "User-Agent",
                        "Okta SCIM Client 1.0.0")
                : Http.send(
                        method,
                        url,
                        body,
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "application/scim+json",
                        "User-Agent",
                        "Okta SCIM Client 1.0.0",
                        "Content-Type",
                        "application/scim+json; charset=utf-8");
        answers.add(answer);
        return answer;
    }

    private Http.Answer entra(List<Http.Answer> answers, String method, String path, String body) {
        String url = haproxy.baseUrl() + "/scim/v2" + path;
        Http.Answer answer = body == null
                ? Http.send(method, url, null, "Authorization", "Bearer " + token)
                : Http.send(
                        method,
                        url,
                        body,
                        "Authorization",
                        "Bearer " + token,
                        "Content-Type",
                        "application/scim+json; charset=utf-8");
        answers.add(answer);
        return answer;
    }

    @SafeVarargs
    private static void runTogether(Callable<Void>... clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.length);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> client : clients) {
                running.add(pool.submit(client));
            }
            for (Future<Void> client : running) {
                client.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String issueToken(String base) {
        Http.Answer issued = admin(base, "POST", "/admin/v1/tenants/" + tenant + "/scim-token", null);
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().get("token").asText();
    }

    private static Http.Answer admin(String base, String method, String path, String body) {
        return body == null
                ? Http.send(method, base + path, null, "Authorization", "Bearer " + ServerProcess.ADMIN)
                : Http.send(
                        method,
                        base + path,
                        body,
                        "Authorization",
                        "Bearer " + ServerProcess.ADMIN,
                        "Content-Type",
                        "application/json");
    }

    private static long millisUntilRefused(String base, String bearer) throws InterruptedException {
        long started = System.nanoTime();
        while (list(base, bearer) != 401) {
            if (System.nanoTime() - started > Duration.ofSeconds(10).toNanos()) {
                throw new AssertionError("the old token still works after 10 s");
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static int list(String base, String bearer) {
        return Http.send("GET", base + "/scim/v2/Users?count=1", null, "Authorization", "Bearer " + bearer)
                .status();
    }
}
