package com.javelo.scim.app.scale;

import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One instance of the service in a process of its own ({@code Main serve}), on a PostgreSQL schema and a fixed port. */
final class ServerProcess implements AutoCloseable {

    static final String ADMIN = "scale-admin-token-0123456789";

    private final String schema;
    private final int port;
    private final Path log;
    private final Map<String, String> settings;
    private Process process;

    ServerProcess(String schema, Path log, Map<String, String> settings) {
        this.schema = schema;
        this.port = freePort();
        this.log = log;
        this.settings = settings;
    }

    void start() throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "com.javelo.scim.app.Main",
                "serve");
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SCIM_"));
        environment.put("SCIM_HTTP_HOST", "127.0.0.1");
        environment.put("SCIM_HTTP_PORT", Integer.toString(port));
        environment.put("SCIM_ADMIN_TOKEN", ADMIN);
        environment.put("SCIM_DB_URL", TestServer.POSTGRES_URL + "?currentSchema=" + schema);
        environment.put("SCIM_DB_USER", "postgres");
        environment.put("SCIM_DB_POOL_SIZE", "4");
        environment.putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < 300; i++) {
            try {
                if (Http.send("GET", baseUrl() + "/health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the instance on port " + port + " exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the instance on port " + port + " did not become ready; see " + log);
    }

    /** SIGTERM, as an orchestrator stops it. */
    void signalTerminate() {
        process.destroy();
    }

    /** Waits for the process to end after SIGTERM and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the instance on port " + port + " did not stop within 60 s after SIGTERM");
        }
        return process.exitValue();
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
