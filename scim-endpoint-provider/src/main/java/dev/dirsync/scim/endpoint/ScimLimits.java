package dev.dirsync.scim.endpoint;

import org.keycloak.Config;

/**
 * Limits the endpoint advertises in {@code /ServiceProviderConfig} and enforces. Read once from the provider's
 * configuration ({@code --spi-realm-restapi-extension--directory-sync--<key>=<value>}); immutable.
 *
 * @param maxResults        largest page a list or search returns ({@code count} is capped to it)
 * @param maxPatchOperations most operations one PATCH may carry
 * @param maxBulkOperations most operations one Bulk request may carry
 * @param maxPayloadBytes   largest request body accepted (Bulk and everything else)
 */
public record ScimLimits(int maxResults, int maxPatchOperations, int maxBulkOperations, int maxPayloadBytes) {

    public static final String MAX_RESULTS = "max-results";
    public static final String MAX_PATCH_OPERATIONS = "max-patch-operations";
    public static final String MAX_BULK_OPERATIONS = "max-bulk-operations";
    public static final String MAX_PAYLOAD_BYTES = "max-payload-bytes";

    public static final ScimLimits DEFAULTS = new ScimLimits(500, 1000, 1000, 4 * 1024 * 1024);

    public ScimLimits {
        if (maxResults < 1 || maxPatchOperations < 1 || maxBulkOperations < 1 || maxPayloadBytes < 1024) {
            throw new IllegalArgumentException("SCIM limits must be positive (payload at least 1024 bytes)");
        }
    }

    public static ScimLimits from(Config.Scope config) {
        return new ScimLimits(
                config.getInt(MAX_RESULTS, DEFAULTS.maxResults()),
                config.getInt(MAX_PATCH_OPERATIONS, DEFAULTS.maxPatchOperations()),
                config.getInt(MAX_BULK_OPERATIONS, DEFAULTS.maxBulkOperations()),
                config.getInt(MAX_PAYLOAD_BYTES, DEFAULTS.maxPayloadBytes()));
    }
}
