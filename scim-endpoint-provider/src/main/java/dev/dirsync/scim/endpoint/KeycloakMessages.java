package dev.dirsync.scim.endpoint;

import java.text.MessageFormat;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminRoot;

/** Renders Keycloak message keys (validation, password policy) in English for SCIM {@code detail}s. */
public final class KeycloakMessages {

    private final Properties messages;

    public KeycloakMessages(KeycloakSession session, RealmModel realm) {
        Properties loaded;
        try {
            loaded = AdminRoot.getMessages(session, realm, "en");
        } catch (RuntimeException e) {
            loaded = new Properties();
        }
        this.messages = loaded == null ? new Properties() : loaded;
    }

    public String format(String key, Object... parameters) {
        String pattern = messages.getProperty(key, key);
        try {
            return MessageFormat.format(pattern.replace("'", "''"), parameters == null ? new Object[0] : parameters);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }
}
