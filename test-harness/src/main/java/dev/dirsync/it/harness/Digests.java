package dev.dirsync.it.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests tests look for, to prove a secret's digest does not leak either. */
public final class Digests {

    private Digests() {
    }

    /** Lower-case hex SHA-256 of {@code value} in UTF-8, as the pack stores provisioning-token digests. */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
