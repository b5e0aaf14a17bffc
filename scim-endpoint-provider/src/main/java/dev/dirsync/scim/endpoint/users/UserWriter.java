package dev.dirsync.scim.endpoint.users;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dirsync.model.AttributeMapping;
import dev.dirsync.model.InternalAttributes;
import dev.dirsync.model.UserInput;
import dev.dirsync.scim.endpoint.KeycloakMessages;
import dev.dirsync.scim.endpoint.ScimContext;
import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.common.util.Time;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Stores a {@link UserInput} through Keycloak's user profile, in the administrative context ({@code USER_API}), so
 * every write is validated exactly as the Admin REST API validates it. Internal attributes are written on the
 * model directly (the user profile does not manage them).
 */
final class UserWriter {

    private final ScimContext context;

    UserWriter(ScimContext context) {
        this.context = context;
    }

    UserModel create(UserInput input) {
        UserProfile profile = profiles().create(UserProfileContext.USER_API, profileAttributes(input, Map.of()));
        validate(profile);
        UserModel user;
        try {
            user = profile.create();
        } catch (ValidationException e) {
            throw toScim(e);
        }
        user.setEnabled(input.active() == null || input.active());
        writeInternal(user, input);
        setPassword(user, input.password());
        return user;
    }

    /** Full replace: every mapped attribute takes the input's value, absent ones are cleared. */
    void replace(UserModel user, UserInput input) {
        if (!input.userName().equalsIgnoreCase(user.getUsername()) && !context.realm().isEditUsernameAllowed()) {
            throw ScimException.mutability("userName cannot change from '" + user.getUsername() + "' to '"
                    + input.userName() + "': realm '" + context.realm().getName() + "' does not allow editing "
                    + "usernames (enable Realm settings > General > Edit username)");
        }
        UserProfile profile = profiles().create(UserProfileContext.USER_API,
                profileAttributes(input, user.getAttributes()), user);
        validate(profile);
        try {
            profile.update(true);
        } catch (ValidationException e) {
            throw toScim(e);
        }
        if (input.active() != null) {
            user.setEnabled(input.active());
        }
        writeInternal(user, input);
        setPassword(user, input.password());
        user.setLastModifiedTimestamp(Time.currentTimeMillis());
    }

    private UserProfileProvider profiles() {
        return context.session().getProvider(UserProfileProvider.class);
    }

    /**
     * The user's current attributes with the mapped ones replaced. Internal attributes stay as they are (the user
     * profile ignores them, or keeps them unchanged where unmanaged attributes are enabled); writeInternal sets them.
     */
    private static Map<String, List<String>> profileAttributes(UserInput input, Map<String, List<String>> current) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(current);
        input.attributes().forEach((name, values) -> {
            if (!InternalAttributes.isInternal(name)) {
                attributes.put(name, values);
            }
        });
        return attributes;
    }

    private static void writeInternal(UserModel user, UserInput input) {
        input.attributes().forEach((name, values) -> {
            if (!InternalAttributes.isInternal(name)) {
                return;
            }
            if (values.isEmpty()) {
                user.removeAttribute(name);
            } else if (!values.equals(user.getAttributes().getOrDefault(name, List.of()))) {
                user.setAttribute(name, values);
            }
        });
    }

    private void setPassword(UserModel user, String password) {
        if (password == null) {
            return;
        }
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            // PasswordPolicyNotMetException carries the policy's message key and parameters, never the password.
            String detail = new KeycloakMessages(context.session(), context.realm())
                    .format(e.getMessage(), e.getParameters());
            throw ScimException.invalidValue("password: " + detail);
        }
    }

    private void validate(UserProfile profile) {
        try {
            profile.validate();
        } catch (ValidationException e) {
            throw toScim(e);
        }
    }

    private ScimException toScim(ValidationException e) {
        KeycloakMessages messages = new KeycloakMessages(context.session(), context.realm());
        Map<String, String> paths = scimPaths();
        StringBuilder detail = new StringBuilder();
        for (ValidationException.Error error : e.getErrors()) {
            String message = error.getMessage();
            if (Messages.USERNAME_EXISTS.equals(message)) {
                return ScimException.uniqueness("A user with this userName already exists");
            }
            if (Messages.EMAIL_EXISTS.equals(message)) {
                return ScimException.uniqueness("A user with this e-mail address already exists");
            }
            if (detail.length() > 0) {
                detail.append("; ");
            }
            String attribute = error.getAttribute();
            String path = paths.get(attribute);
            detail.append("Attribute '").append(path != null ? path : attribute).append('\'');
            if (path != null && !path.equals(attribute)) {
                detail.append(" (user profile '").append(attribute).append("')");
            }
            Object[] parameters = error.getMessageParameters();
            detail.append(": ").append(messages.format(message, parameters));
        }
        return ScimException.invalidValue(detail.toString());
    }

    private Map<String, String> scimPaths() {
        Map<String, String> paths = new HashMap<>();
        for (AttributeMapping m : context.model().userMappings()) {
            paths.putIfAbsent(m.userAttribute(), m.path().toString());
        }
        return paths;
    }
}
