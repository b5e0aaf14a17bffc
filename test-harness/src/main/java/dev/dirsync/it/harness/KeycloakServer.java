package dev.dirsync.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The real Keycloak distribution, run as a plain process exactly as an operator runs it: unpacked, our JARs in
 * {@code providers/}, {@code bin/kc.sh start-dev} on free loopback ports, ready when {@code /health/ready} says so.
 * One instance serves every test class of a leg; {@link #close()} stops it and removes what the run created.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 120;

    private final ItConfig config;
    private final Path home;
    private final Path log;
    private final PostgresDatabase database;
    private final String adminClientId = "dirsync-it-admin";
    private final String adminClientSecret = randomSecret();
    private final String adminPassword = randomSecret();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process process;
    private Thread shutdownHook;
    private int httpPort;
    private int managementPort;
    private AdminClient admin;

    private KeycloakServer(ItConfig config, PostgresDatabase database) {
        this.config = config;
        this.database = database;
        this.home = config.workDir().resolve(config.db()).resolve("keycloak-" + config.distVersion());
        this.log = config.workDir().resolve(config.db()).resolve("server.log");
    }

    /** Installs the distribution with our providers and starts it; fails with the server's log tail if it can't. */
    public static KeycloakServer start(ItConfig config, PostgresDatabase database) {
        KeycloakServer server = new KeycloakServer(config, database);
        try {
            server.install();
            server.launch();
            return server;
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e instanceof RuntimeException re ? re : new UncheckedIOException((IOException) e);
        }
    }

    private void install() throws IOException {
        if (!Files.exists(home.resolve("version.txt"))) {
            Files.createDirectories(home.getParent());
            run(List.of("tar", "-xzf", config.distribution().toString(), "-C", home.getParent().toString()));
        }
        try (Stream<Path> old = Files.list(home.resolve("providers"))) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        try (Stream<Path> jars = Files.list(config.providers())) {
            List<Path> ours = jars.filter(p -> p.toString().endsWith(".jar")).toList();
            if (ours.isEmpty()) {
                throw new IllegalStateException("No provider JARs in " + config.providers());
            }
            for (Path jar : ours) {
                Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()));
            }
        }
        deleteRecursively(home.resolve("data"));
    }

    private void launch() throws IOException {
        httpPort = freePort();
        managementPort = freePort();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--features=" + config.features()));
        if (config.postgres()) {
            command.addAll(List.of("--db=postgres", "--db-url=" + database.url(), "--db-username=" + database.user(),
                    "--db-password=" + database.password()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("KC_BOOTSTRAP_ADMIN_CLIENT_ID", adminClientId);
        env.put("KC_BOOTSTRAP_ADMIN_CLIENT_SECRET", adminClientSecret);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        if (config.javaHome() != null) {
            env.put("JAVA_HOME", config.javaHome());
            env.put("PATH", config.javaHome() + "/bin:" + env.getOrDefault("PATH", ""));
        }
        System.out.printf("[keycloak-it] starting Keycloak %s (%s, Java %s) on http://127.0.0.1:%d, log %s%n",
                config.distVersion(), config.db(), config.javaHome() == null ? System.getProperty("java.version")
                        : config.javaHome(), httpPort, log);
        long started = System.nanoTime();
        process = builder.start();
        shutdownHook = new Thread(this::stopProcess, "keycloak-it-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            await("Keycloak /health/ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(this::readyOrDead);
        } catch (ConditionTimeoutException e) {
            throw failure("Keycloak was not ready within " + START_TIMEOUT.toSeconds() + " s");
        }
        if (!process.isAlive()) {
            throw failure("Keycloak exited with status " + process.exitValue() + " during start-up");
        }
        System.out.printf("[keycloak-it] ready after %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        admin = new AdminClient(this, adminClientId, adminClientSecret);
    }

    private boolean readyOrDead() {
        if (!process.isAlive()) {
            return true;
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + managementPort + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + ". Last lines of " + log + ":\n" + logTail());
    }

    /** Everything Keycloak has logged so far (tests assert that secrets never reach it). */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines Keycloak wrote, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Base URL of the server, without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Admin REST access as the bootstrap admin service account of the master realm. */
    public AdminClient admin() {
        return admin;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public ItConfig config() {
        return config;
    }

    /** The run's PostgreSQL database, or {@code null} on H2. */
    public PostgresDatabase database() {
        return database;
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run; nothing left to remove
            }
        }
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("[keycloak-it] could not drop database " + database.name() + ": " + e.getMessage());
            }
        }
    }

    private synchronized void stopProcess() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("[keycloak-it] Keycloak did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p).join());
        System.out.println("[keycloak-it] Keycloak stopped");
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
