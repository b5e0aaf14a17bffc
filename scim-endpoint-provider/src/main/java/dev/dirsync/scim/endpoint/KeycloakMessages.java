package dev.dirsync.scim.endpoint;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminRoot;

/**
 * Renders Keycloak message keys (user-profile validation, password policy) in English for SCIM {@code detail}s.
 * The admin bundle uses i18next placeholders ({@code {{0}}}); older keys use {@code {0}}; parameters may themselves
 * be keys written {@code ${key}}.
 */
public final class KeycloakMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}|\\{(\\d+)}");
    private static final Pattern KEY_REFERENCE = Pattern.compile("^\\$\\{(.+)}$");

    private final Properties messages;

    public KeycloakMessages(KeycloakSession session, RealmModel realm) {
        Properties loaded;
        try {
            loaded = AdminRoot.getMessages(session, realm, "en");
        } catch (RuntimeException e) {
            loaded = null;
        }
        this.messages = loaded == null ? new Properties() : loaded;
    }

    public String format(String key, Object... parameters) {
        String pattern = messages.getProperty(key, key);
        Object[] params = parameters == null ? new Object[0] : parameters;
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            String value = index < params.length && params[index] != null ? resolve(String.valueOf(params[index])) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String resolve(String parameter) {
        Matcher key = KEY_REFERENCE.matcher(parameter);
        return key.matches() ? messages.getProperty(key.group(1), key.group(1)) : parameter;
    }
}
