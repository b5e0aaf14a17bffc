package dev.dirsync.scim.schema;

/** SCIM attribute data types (RFC 7643 §2.3), with their names as they appear in {@code /Schemas}. */
public enum AttributeType {
    STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"), DATE_TIME("dateTime"),
    BINARY("binary"), REFERENCE("reference"), COMPLEX("complex");

    private final String scimName;

    AttributeType(String scimName) {
        this.scimName = scimName;
    }

    public String scimName() {
        return scimName;
    }
}
