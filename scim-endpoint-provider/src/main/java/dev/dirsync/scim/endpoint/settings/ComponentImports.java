package dev.dirsync.scim.endpoint.settings;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * Tells a realm import apart from an admin's create or update while a component is validated. Keycloak imports a
 * realm's components before its organizations, so an entry naming an organization cannot be checked against it
 * then; the console and Admin REST create entries without an id and update existing ones, so "has an id that is not
 * stored yet" means import.
 */
public final class ComponentImports {

    private ComponentImports() {
    }

    public static boolean isImport(RealmModel realm, ComponentModel model) {
        return model.getId() != null && realm.getComponent(model.getId()) == null;
    }
}
