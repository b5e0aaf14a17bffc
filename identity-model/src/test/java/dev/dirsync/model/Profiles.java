package dev.dirsync.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dirsync.scim.protocol.Schemas;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

/** Declarative user profiles for the mapping tests, shaped like Keycloak's default one plus annotated attributes. */
final class Profiles {

    /** The enterprise extension URN followed by ':', to prefix its attribute names. */
    static final String ENTERPRISE = Schemas.ENTERPRISE_USER + ":";
    static final String ACME = "urn:acme:x:User";

    private Profiles() {
    }

    /** A user-profile attribute without annotations. */
    static UPAttribute plain(String name) {
        return new UPAttribute(name);
    }

    /** A user-profile attribute annotated with {@code annotation} (a path, or a list of paths). */
    static UPAttribute annotated(String name, Object annotation) {
        Map<String, Object> annotations = new HashMap<>();
        annotations.put(IdentityModel.SCIM_ANNOTATION, annotation);
        return new UPAttribute(name, annotations);
    }

    static UPAttribute multivalued(UPAttribute attribute) {
        attribute.setMultivalued(true);
        return attribute;
    }

    /** Keycloak's four default attributes, then {@code attributes} in order. */
    static UPConfig profile(UPAttribute... attributes) {
        UPConfig config = new UPConfig();
        for (String builtIn : List.of("username", "email", "firstName", "lastName")) {
            config.addOrReplaceAttribute(plain(builtIn));
        }
        for (UPAttribute attribute : attributes) {
            config.addOrReplaceAttribute(attribute);
        }
        return config;
    }

    static IdentityModel model(UPAttribute... attributes) {
        return IdentityModelBuilder.fromUserProfile(profile(attributes));
    }

    /**
     * The profile most mapping tests use: one attribute per supported annotation form, the e-mail and phone
     * numbers typed, and multi-valued roles and tags.
     */
    static IdentityModel realistic() {
        return model(
                annotated("jobTitle", "title"),
                annotated("middleName", "name.middleName"),
                annotated("workPhone", "phoneNumbers[type eq \"work\"].value"),
                annotated("mobilePhone", "phoneNumbers[type eq \"mobile\"].value"),
                annotated("homeEmail", "emails[type eq \"home\"].value"),
                multivalued(annotated("roles", "roles")),
                annotated("workCity", "addresses[type eq \"work\"].locality"),
                annotated("department", ENTERPRISE + "department"),
                annotated("managerId", ENTERPRISE + "manager.value"),
                annotated("costCode", ACME + ":costCode"),
                multivalued(annotated("tags", ACME + ":tags")));
    }
}
