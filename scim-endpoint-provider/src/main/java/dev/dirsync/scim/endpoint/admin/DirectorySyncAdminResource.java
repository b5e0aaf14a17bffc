package dev.dirsync.scim.endpoint.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.userprofile.UserProfileProvider;

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
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        UPConfig config = profiles.getConfiguration();
        Set<String> names = config.getAttributes().stream().map(UPAttribute::getName).collect(Collectors.toSet());
        Set<String> mapped = config.getAttributes().stream()
                .flatMap(a -> a.getAnnotations() == null ? java.util.stream.Stream.empty()
                        : java.util.stream.Stream.of(a.getAnnotations().get(IdentityModel.SCIM_ANNOTATION)))
                .filter(java.util.Objects::nonNull)
                .flatMap(v -> v instanceof java.util.Collection<?> c ? c.stream().map(String::valueOf)
                        : java.util.stream.Stream.of(String.valueOf(v)))
                .collect(Collectors.toSet());
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (StandardScimAttributes standard : StandardScimAttributes.ALL) {
            if (names.contains(standard.attribute()) || mapped.contains(standard.scimPath())) {
                skipped.add(standard.scimPath());
                continue;
            }
            UPAttribute attribute = new UPAttribute(standard.attribute(),
                    new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin")));
            attribute.setDisplayName(standard.displayName());
            attribute.setAnnotations(new LinkedHashMap<>(Map.of(IdentityModel.SCIM_ANNOTATION, standard.scimPath())));
            attribute.addValidation("length", Map.of("max", 255));
            config.addOrReplaceAttribute(attribute);
            added.add(standard.scimPath());
        }
        if (!added.isEmpty()) {
            profiles.setConfiguration(config);
            adminEvent.operation(OperationType.UPDATE).resource(ResourceType.USER_PROFILE)
                    .resourcePath("users", "profile").representation(config).success();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        result.put("added", added);
        result.put("skipped", skipped);
        return result;
    }
}
