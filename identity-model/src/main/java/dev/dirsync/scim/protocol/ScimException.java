package dev.dirsync.scim.protocol;

/**
 * A SCIM protocol error (RFC 7644 §3.12): HTTP status, optional {@code scimType} and a human-readable detail.
 * Built by the static factories, one per error the RFC names, and rendered in exactly one place
 * ({@link ScimError}). The detail is shown to the client: never put secrets, passwords or stack traces in it.
 */
public final class ScimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public ScimException(int status, String scimType, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    /** The RFC 7644 §3.12 {@code scimType}, or {@code null} where the RFC defines none for the status. */
    public String scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }

    // --- 400 with the scimType values of RFC 7644 Table 9 ---------------------------------------------------

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    public static ScimException tooMany(String detail) {
        return new ScimException(400, "tooMany", detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, "uniqueness", detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(400, "mutability", detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(400, "noTarget", detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException invalidVersion(String detail) {
        return new ScimException(400, "invalidVers", detail);
    }

    public static ScimException sensitive(String detail) {
        return new ScimException(400, "sensitive", detail);
    }

    // --- other statuses -------------------------------------------------------------------------------------

    public static ScimException badRequest(String detail) {
        return new ScimException(400, null, detail);
    }

    public static ScimException unauthorized(String detail) {
        return new ScimException(401, null, detail);
    }

    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException methodNotAllowed(String detail) {
        return new ScimException(405, null, detail);
    }

    public static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }

    public static ScimException unsupportedMediaType(String detail) {
        return new ScimException(415, null, detail);
    }

    public static ScimException internal(String detail, Throwable cause) {
        return new ScimException(500, null, detail, cause);
    }

    public static ScimException notImplemented(String detail) {
        return new ScimException(501, null, detail);
    }
}
