package com.javelo.scim.app.scale;

import com.javelo.scim.app.e2e.Http;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real HAProxy (Debian's package) in front of the instances: round-robin, health-checked on
 * {@code /health/ready} every 200 ms (one failure takes an instance out, two successes bring it
 * back), connection failures retried on another instance — the configuration the README shows,
 * with the test's ports. A stats page says which instances it sees up.
 */
final class Haproxy implements AutoCloseable {

    private final int port = ServerProcess.freePort();
    private final int statsPort = ServerProcess.freePort();
    private final Process process;

    private Haproxy(Path executable, Path directory, List<ServerProcess> servers) throws IOException {
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 1000

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 70s
                    timeout server 70s
                    # Without it a check must be answered within 'inter' (200 ms): a busy instance's
                    # slow answer would count as a failure, and with 'fall 1' take it out.
                    timeout check 2s
                    # A request whose connection was refused (an instance stopping or starting) goes to
                    # another instance; nothing else is retried, so a POST is never sent twice.
                    retries 3
                    option redispatch
                    retry-on conn-failure

                listen stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats

                frontend scim
                    bind 127.0.0.1:%d
                    default_backend javelo_scim

                backend javelo_scim
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 200ms fall 1 rise 2
                """.formatted(statsPort, port));
        for (int i = 0; i < servers.size(); i++) {
            config.append("    server scim")
                    .append(i + 1)
                    .append(" 127.0.0.1:")
                    .append(servers.get(i).port())
                    .append(" check\n");
        }
        Path file = directory.resolve("haproxy.cfg");
        Files.writeString(file, config);
        process = new ProcessBuilder(executable.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.log").toFile())
                .start();
    }

    /** Starts HAProxy, or skips the test when it is not installed (fails instead under CI=true). */
    static Haproxy start(Path directory, List<ServerProcess> servers) throws IOException, InterruptedException {
        Optional<Path> executable = find();
        if (executable.isEmpty()) {
            String message = "HAProxy is not installed (apt-get install haproxy; .ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; under CI=true the multi-instance suite is mandatory");
            }
            Assumptions.abort(message + "; skipping the multi-instance suite (set CI=true to make it mandatory)");
        }
        Haproxy haproxy = new Haproxy(executable.get(), directory, servers);
        for (int i = 1; i <= servers.size(); i++) {
            haproxy.awaitUp("scim" + i);
        }
        return haproxy;
    }

    private static Optional<Path> find() {
        Stream<String> path =
                Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(path, Stream.of("/usr/sbin", "/usr/local/sbin"))
                .map(dir -> Path.of(dir, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the status HAProxy gives the instance ({@code UP}, {@code DOWN}, …) */
    String status(String server) {
        String csv = Http.send("GET", "http://127.0.0.1:" + statsPort + "/stats;csv", null)
                .body();
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(","));
        int name = header.indexOf("svname");
        int status = header.indexOf("status");
        return lines.stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(fields -> fields.length > status && fields[name].equals(server))
                .map(fields -> fields[status])
                .findFirst()
                .orElseThrow(() -> new AssertionError("HAProxy knows no " + server + ": " + csv));
    }

    void awaitUp(String server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("HAProxy exited with " + process.exitValue());
            }
            try {
                if (status(server).startsWith("UP")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // HAProxy still starting
            }
            Thread.sleep(50);
        }
        throw new AssertionError("HAProxy does not see " + server + " up after 30 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
