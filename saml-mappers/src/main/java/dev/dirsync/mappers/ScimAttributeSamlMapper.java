package dev.dirsync.mappers;

import java.util.ArrayList;
import java.util.List;

import dev.dirsync.model.IdentityModelProvider;
import dev.dirsync.model.UserScimMapper;
import dev.dirsync.model.UserSnapshot;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * SAML attribute whose value is the user's value of a SCIM attribute path, resolved through the shared identity
 * model, so the assertion carries exactly what SCIM provisioning stored.
 */
public final class ScimAttributeSamlMapper extends AbstractSAMLProtocolMapper implements SAMLAttributeStatementMapper {

    public static final String PROVIDER_ID = "directory-sync-saml-scim-attribute-mapper";
    public static final String SCIM_PATH = "scim.path";

    private static final List<ProviderConfigProperty> CONFIG = buildConfig();

    private static List<ProviderConfigProperty> buildConfig() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        ProviderConfigProperty path = new ProviderConfigProperty(SCIM_PATH, "SCIM attribute",
                "SCIM attribute path, e.g. userName, name.givenName or "
                        + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department.",
                ProviderConfigProperty.STRING_TYPE, null);
        path.setRequired(true);
        properties.add(path);
        AttributeStatementHelper.setConfigProperties(properties);
        return List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "SCIM attribute";
    }

    @Override
    public String getDisplayCategory() {
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Map a SCIM attribute of the Directory Sync identity model to a SAML attribute.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void transformAttributeStatement(AttributeStatementType attributeStatement, ProtocolMapperModel mappingModel,
            KeycloakSession session, UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        String path = mappingModel.getConfig().get(SCIM_PATH);
        if (path == null || path.isBlank()) {
            return;
        }
        AttributePath attributePath;
        try {
            attributePath = AttributePath.parse(path.trim());
        } catch (ScimException e) {
            return;
        }
        UserModel user = userSession.getUser();
        UserScimMapper mapper = new UserScimMapper(session.getProvider(IdentityModelProvider.class)
                .getModel(userSession.getRealm()));
        List<String> values = mapper.values(UserSnapshot.of(user, List.of()), attributePath);
        if (!values.isEmpty()) {
            AttributeStatementHelper.addAttributes(attributeStatement, mappingModel, values);
        }
    }
}
