package dev.dirsync.it.harness;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Keycloak per test JVM (one per leg of the suite) on first use and stops it when the JVM's tests are
 * done. Test classes get the {@link KeycloakServer} as a constructor or method parameter.
 *
 * <p>On the PostgreSQL leg, an unreachable PostgreSQL skips the leg with a loud banner, unless the run requires
 * PostgreSQL ({@code DIRSYNC_REQUIRE_POSTGRES=true}, which {@code .ci/run} sets): then every test fails.
 */
public final class KeycloakExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static KeycloakServer server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        ItConfig config = ItConfig.fromSystemProperties();
        if (config.postgres()) {
            String unreachable = store.getOrComputeIfAbsent("postgres-check",
                    k -> String.valueOf(PostgresDatabase.unreachableReason(config.postgresUrl(), config.postgresUser(),
                            config.postgresPassword())), String.class);
            if (!"null".equals(unreachable)) {
                String message = "PostgreSQL is not reachable at " + config.postgresUrl() + " (" + unreachable + ")";
                if (config.postgresRequired()) {
                    throw new IllegalStateException(message + "; this run requires the PostgreSQL leg");
                }
                System.err.println("\n" + "!".repeat(100) + "\n!!! " + message
                        + "\n!!! The PostgreSQL leg of the integration suite is SKIPPED; the H2 leg still runs.\n"
                        + "!".repeat(100) + "\n");
                Assumptions.abort(message + ": PostgreSQL leg skipped");
            }
        }
        Started started = store.getOrComputeIfAbsent(Started.class, k -> Started.start(config), Started.class);
        if (started.failure() != null) {
            throw new IllegalStateException("Keycloak did not start for this leg (see the first failure for its log)",
                    started.failure());
        }
        return started.server();
    }

    /** The leg's server, or why it could not start: a failed start is not retried by every test class. */
    private record Started(KeycloakServer server, RuntimeException failure) implements AutoCloseable {

        static Started start(ItConfig config) {
            PostgresDatabase database = null;
            try {
                if (config.postgres()) {
                    database = PostgresDatabase.create(config.postgresUrl(), config.postgresUser(), config.postgresPassword());
                }
                return new Started(KeycloakServer.start(config, database), null);
            } catch (java.sql.SQLException e) {
                return new Started(null, new IllegalStateException("Could not create the run's PostgreSQL database: "
                        + e.getMessage(), e));
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
