package dev.dirsync.scim.endpoint.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.dirsync.model.AttributeMapping;
import dev.dirsync.model.IdentityModel;
import dev.dirsync.model.IdentityModelProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/directory-sync}: administration of the pack in a realm, under Keycloak's admin
 * authentication and permissions.
 */
public class DirectorySyncAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public DirectorySyncAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** Provisioning tokens of the realm. */
    @Path("tokens")
    public TokensAdminResource tokens() {
        return new TokensAdminResource(session, realm, auth, adminEvent);
    }

    /** The realm's identity model: every mapped SCIM path, where it is stored, and annotations that were skipped. */
    @GET
    @Path("identity-model")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> identityModel() {
        auth.realm().requireViewRealm();
        IdentityModel model = session.getProvider(IdentityModelProvider.class).getModel(realm);
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (AttributeMapping m : model.userMappings()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scimPath", m.path().toString());
            row.put("storage", m.storage().name());
            row.put("attribute", m.userAttribute());
            row.put("multivalued", m.multivalued());
            mappings.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mappings", mappings);
        out.put("problems", model.problems());
        return out;
    }

    /**
     * Adds the standard SCIM attributes ({@link StandardScimAttributes}) to the realm's user profile with their
     * {@code kc.scim.schema.attribute} annotations, in one step. Idempotent: attributes whose name or SCIM path the
     * profile already has are left as they are.
     */
    @POST
    @Path("user-profile/scim-attributes")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> addStandardAttributes() {
        auth.realm().requireManageRealm();
        StandardScimAttributes.Result result = StandardScimAttributes.addTo(session);
        if (!result.added().isEmpty()) {
            adminEvent.operation(OperationType.UPDATE).resource(ResourceType.USER_PROFILE)
                    .resourcePath("users", "profile").representation(result.config()).success();
        }
        return result.asMap();
    }
}
