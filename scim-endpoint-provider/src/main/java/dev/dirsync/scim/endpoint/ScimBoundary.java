package dev.dirsync.scim.endpoint;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.dirsync.scim.protocol.ScimError;
import dev.dirsync.scim.protocol.ScimException;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;

/**
 * The one place where anything thrown while serving a SCIM request becomes an RFC 7644 §3.12 error response.
 * Every error rolls the request's transaction back, so a failed write leaves nothing half-done. Pending writes
 * are flushed inside the boundary, so database constraint violations are caught here too and never surface as
 * Keycloak-format errors at commit. Unexpected failures are logged with a reference the client sees; the client
 * never sees a stack trace.
 */
public final class ScimBoundary {

    private static final Logger LOG = Logger.getLogger(ScimBoundary.class);

    private ScimBoundary() {
    }

    public static Response run(KeycloakSession session, Supplier<Response> work) {
        try {
            Response response = work.get();
            flush(session);
            return response;
        } catch (RuntimeException e) {
            session.getTransactionManager().setRollbackOnly();
            return error(session, toScim(e));
        }
    }

    /** Maps any failure to the SCIM error it stands for. */
    public static ScimException toScim(Throwable e) {
        if (e instanceof ScimException scim) {
            return scim;
        }
        if (e instanceof NotAuthorizedException) {
            return ScimException.unauthorized("Authentication failed");
        }
        if (e instanceof ForbiddenException) {
            return ScimException.forbidden("The caller is not allowed to do this");
        }
        if (e instanceof ModelDuplicateException) {
            return ScimException.uniqueness("A resource with the same unique value already exists");
        }
        if (e instanceof PersistenceException && isConstraintViolation(e)) {
            return ScimException.uniqueness("A resource with the same unique value already exists");
        }
        if (e instanceof ModelException && e.getCause() instanceof PersistenceException pe && isConstraintViolation(pe)) {
            return ScimException.uniqueness("A resource with the same unique value already exists");
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "SCIM request failed unexpectedly (reference %s)", reference);
        return ScimException.internal("Internal server error (reference " + reference + ")", e);
    }

    public static Response error(KeycloakSession session, ScimException e) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .entity(ScimResponses.write(ScimError.body(e)))
                .type(dev.dirsync.scim.protocol.Schemas.MEDIA_TYPE + ";charset=UTF-8");
        if (e.status() == 401) {
            String realm = session.getContext().getRealm() == null ? "" : session.getContext().getRealm().getName();
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
        }
        return builder.build();
    }

    private static void flush(KeycloakSession session) {
        JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class);
        if (jpa != null && session.getTransactionManager().isActive()) {
            jpa.getEntityManager().flush();
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("ConstraintViolationException") || name.endsWith("SQLIntegrityConstraintViolationException")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
