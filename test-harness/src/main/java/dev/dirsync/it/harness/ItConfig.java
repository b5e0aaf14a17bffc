package dev.dirsync.it.harness;

import java.nio.file.Path;

/**
 * Settings of one leg of the integration suite, passed by failsafe as system properties (see the module's pom).
 *
 * @param db                 {@code h2} (Keycloak's embedded dev-file database) or {@code postgres}
 * @param distribution       the Keycloak distribution tarball
 * @param distVersion        its version, e.g. {@code 26.7.3}
 * @param workDir            where distributions are unpacked, one folder per leg
 * @param providers          folder whose JARs go into Keycloak's {@code providers/}
 * @param postgresUrl        JDBC URL of an existing PostgreSQL database used to create this run's own database
 * @param postgresRequired   fail rather than skip when PostgreSQL cannot be reached
 * @param projectDir         root of the Maven reactor
 * @param features           Keycloak features to enable ({@code --features}), comma-separated
 * @param javaHome           the JDK Keycloak runs on ({@code JAVA_HOME}), or {@code null} for the default
 */
public record ItConfig(String db, Path distribution, String distVersion, Path workDir, Path providers,
        String postgresUrl, String postgresUser, String postgresPassword, boolean postgresRequired, Path projectDir,
        String features, String javaHome) {

    public static ItConfig fromSystemProperties() {
        return new ItConfig(
                property("dirsync.it.db", "h2"),
                Path.of(required("dirsync.it.dist")),
                required("dirsync.it.distVersion"),
                Path.of(required("dirsync.it.workDir")),
                Path.of(required("dirsync.it.providers")),
                property("dirsync.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                property("dirsync.it.postgres.user", "postgres"),
                property("dirsync.it.postgres.password", ""),
                Boolean.parseBoolean(property("dirsync.it.postgres.required", "false"))
                        || Boolean.parseBoolean(System.getenv().getOrDefault("DIRSYNC_REQUIRE_POSTGRES", "false")),
                Path.of(property("dirsync.it.projectDir", ".")),
                property("dirsync.it.features", "declarative-ui"),
                property("dirsync.it.javaHome", null));
    }

    public boolean postgres() {
        return "postgres".equals(db);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name
                    + " is not set: run the integration tests through Maven (mvn verify), not from the IDE's default runner");
        }
        return value;
    }
}
