package dev.dirsync.scim.endpoint;

import dev.dirsync.scim.protocol.ScimException;

/** Conditional requests with weak entity tags (RFC 7644 §3.14, RFC 7232). */
public final class ETags {

    private ETags() {
    }

    /** 412 when {@code If-Match} is present and names neither {@code *} nor the current version. */
    public static void checkIfMatch(ScimRequest request, String current) {
        String header = request.ifMatch();
        if (header != null && !header.isBlank() && !matches(header, current)) {
            throw ScimException.preconditionFailed("The resource changed: If-Match " + header.trim()
                    + " does not match the current version " + current);
        }
    }

    /** Whether a GET's {@code If-None-Match} names the current version (the answer is then 304). */
    public static boolean notModified(ScimRequest request, String current) {
        String header = request.ifNoneMatch();
        return header != null && !header.isBlank() && matches(header, current);
    }

    static boolean matches(String header, String current) {
        String mine = opaque(current);
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if ("*".equals(t) || opaque(t).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    /** Weak comparison: {@code W/"x"} and {@code "x"} name the same version. */
    private static String opaque(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/") || t.startsWith("w/")) {
            t = t.substring(2);
        }
        return t;
    }
}
