package com.javelo.scim.benchmarks.driver;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Drives the real server over HTTP with Okta-shaped requests ({@code application/scim+json},
 * bearer token), closed loop: each of {@code threads} workers sends its next request when the
 * previous one answered. Prints one JSON line of results; every non-2xx is counted and reported.
 *
 * <pre>
 * java -cp benchmarks.jar com.javelo.scim.benchmarks.driver.LoadDriver WORKLOAD key=value…
 * </pre>
 *
 * Workloads: {@code create} (POST unique users), {@code filter} (GET userName eq, random case),
 * {@code member} (PATCH add then remove one member), {@code push} (Okta's GET-miss then POST for
 * {@code count} users, reports wall time), {@code group-build} (POST a group and PATCH members in
 * batches of 100), {@code page} (GET startIndex=N&count=100), {@code deactivate} (PATCH active=false/true).
 */
public final class LoadDriver {

    private static final String SCIM = "application/scim+json";

    private final Map<String, String> options;
    private final HttpClient client;
    private final String base;
    private final String token;

    private LoadDriver(Map<String, String> options) {
        this.options = options;
        this.base = option("base", "http://127.0.0.1:8080/scim/v2");
        this.token = option("token", "");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        LoadDriver driver = new LoadDriver(options);
        PrintStream out = System.out;
        out.println(driver.run(args.length > 0 ? args[0] : "create"));
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    String run(String workload) throws Exception {
        int threads = intOption("threads", 16);
        int seconds = intOption("seconds", 20);
        String prefix = option("prefix", "bench-" + Long.toString(System.nanoTime(), 36));
        switch (workload) {
            case "create":
                return closedLoop(workload, threads, seconds, n -> post("/Users", userBody(prefix + "-" + n)));
            case "filter": {
                int users = intOption("users", 100_000);
                String seedPrefix = option("seedPrefix", "user");
                String domain = option("domain", "acme.example");
                return closedLoop(workload, threads, seconds, n -> {
                    String name = seedPrefix + (1 + ThreadLocalRandom.current().nextInt(users)) + "@" + domain;
                    return get("/Users?filter=" + encode("userName eq \"" + randomCase(name) + "\""));
                });
            }
            case "member-add":
            case "member-remove": {
                // Sequential by design (W3): each PATCH adds (or removes) one user of the pool.
                String group = option("group", "");
                List<String> pool = Files.readAllLines(Path.of(option("usersFile", "users.txt")));
                boolean add = workload.equals("member-add");
                return fixedWork(workload, 1, pool.size(), n -> patch("/Groups/" + group, add
                        ? "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                                + "\"path\":\"members\",\"value\":[{\"value\":\"" + pool.get((int) n) + "\"}]}]}"
                        : "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"remove\","
                                + "\"path\":\"members[value eq \\\"" + pool.get((int) n) + "\\\"]\"}]}"));
            }
            case "page": {
                int start = intOption("startIndex", 1);
                return closedLoop(workload, threads, seconds, n -> get("/Users?startIndex=" + start + "&count=100"));
            }
            case "deactivate": {
                List<String> ids = Files.readAllLines(Path.of(option("usersFile", "users.txt")));
                return closedLoop(workload, threads, seconds, n -> patch("/Users/" + ids.get((int) (n % ids.size())),
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                                + "\"value\":{\"active\":" + ((n / ids.size()) % 2 == 1) + "}}]}"));
            }
            case "push": {
                int count = intOption("count", 10_000);
                return fixedWork(workload, threads, count, n -> {
                    String name = prefix + "-" + n + "@acme.example";
                    int miss = get("/Users?filter=" + encode("userName eq \"" + name + "\"") + "&startIndex=1&count=100");
                    return miss / 100 != 2 ? miss : post("/Users", userBody(prefix + "-" + n));
                });
            }
            case "group-build": {
                // W4's Group Push: create a group, then PATCH its members in batches of 100.
                List<String> members = Files.readAllLines(Path.of(option("usersFile", "users.txt")));
                long started = System.nanoTime();
                HttpResponse<byte[]> created = client.send(request("/Groups").header("Content-Type", SCIM)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                                + "\"displayName\":\"" + prefix + "\",\"members\":[]}")).build(), HttpResponse.BodyHandlers.ofByteArray());
                String body = new String(created.body(), StandardCharsets.UTF_8);
                String group = body.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
                int batches = (members.size() + 99) / 100;
                return fixedWork(workload, 1, batches, n -> {
                    StringBuilder values = new StringBuilder();
                    for (String member : members.subList((int) n * 100, Math.min(members.size(), (int) n * 100 + 100))) {
                        // As Okta sends them: the id and the member's display name, no type or $ref.
                        values.append(values.length() == 0 ? "" : ",").append("{\"value\":\"").append(member)
                                .append("\",\"display\":\"member ").append(member).append("\"}");
                    }
                    return patch("/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                            + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}]}");
                }).replace("}", String.format(Locale.ROOT, ",\"wall_s_with_create\":%.3f}",
                        (System.nanoTime() - started) / 1e9));
            }
            default:
                throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    interface Step {
        int send(long n) throws IOException, InterruptedException;
    }

    private String closedLoop(String workload, int threads, int seconds, Step step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        return measure(workload, threads, n -> System.nanoTime() < deadline, step);
    }

    private String fixedWork(String workload, int threads, int count, Step step) throws InterruptedException {
        return measure(workload, threads, n -> n < count, step);
    }

    private String measure(String workload, int threads, LongFunction<Boolean> more, Step step) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] samples = new long[500_000];
            latencies.add(samples);
            int index = t;
            Thread worker = new Thread(() -> {
                int taken = 0;
                while (true) {
                    long n = sequence.getAndIncrement();
                    if (!more.apply(n)) {
                        break;
                    }
                    long begin = System.nanoTime();
                    try {
                        int status = step.send(n);
                        if (status / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    if (taken < samples.length) {
                        samples[taken++] = System.nanoTime() - begin;
                    }
                }
                latencies.set(index, Arrays.copyOf(samples, taken));
            }, "driver-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(Locale.ROOT,
                "{\"workload\":\"%s\",\"threads\":%d,\"requests\":%d,\"errors\":%d,\"seconds\":%.3f,\"rate\":%.1f,"
                        + "\"p50_ms\":%.3f,\"p99_ms\":%.3f}",
                workload, threads, all.length, errors.get(), elapsed, all.length / elapsed, percentile(all, 0.50),
                percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    private int get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    private int post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", SCIM).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private int patch(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", SCIM)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", SCIM).header("Authorization", "Bearer " + token)
                .header("User-Agent", "Okta SCIM Client 1.0.0");
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode();
    }

    private static String userBody(String name) {
        String email = name + "@acme.example";
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email + "\","
                + "\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User\"},\"emails\":[{\"primary\":true,\"value\":\""
                + email + "\",\"type\":\"work\"}],\"displayName\":\"Bench User\",\"locale\":\"en-US\","
                + "\"externalId\":\"00u" + name.hashCode() + "\",\"groups\":[],\"password\":\"1mz050nq\",\"active\":true}";
    }

    private static String randomCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
