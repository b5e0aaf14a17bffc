package dev.dirsync.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

class UserProfileMappingTest {

    private static final String DEPARTMENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department";

    @Test
    void annotatedAttributes_areMappedByScimPath() {
        UPConfig config = new UPConfig();
        config.addOrReplaceAttribute(new UPAttribute("jobTitle", Map.of(IdentityModel.SCIM_ANNOTATION, "title")));
        config.addOrReplaceAttribute(new UPAttribute("dept", Map.of(IdentityModel.SCIM_ANNOTATION, List.of(DEPARTMENT, " "))));
        config.addOrReplaceAttribute(new UPAttribute("plain"));

        IdentityModel model = UserProfileMapping.fromUserProfile(config);

        assertThat(model.attributeFor("title")).contains("jobTitle");
        assertThat(model.attributeFor(DEPARTMENT)).contains("dept");
        assertThat(model.scimPaths()).containsExactly("title", DEPARTMENT);
    }

    @Test
    void twoAttributesClaimingOnePath_isRejected() {
        UPConfig config = new UPConfig();
        config.addOrReplaceAttribute(new UPAttribute("a", Map.of(IdentityModel.SCIM_ANNOTATION, "title")));
        config.addOrReplaceAttribute(new UPAttribute("b", Map.of(IdentityModel.SCIM_ANNOTATION, "title")));

        assertThatThrownBy(() -> UserProfileMapping.fromUserProfile(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' and 'b'");
    }
}
