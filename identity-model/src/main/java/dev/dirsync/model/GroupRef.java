package dev.dirsync.model;

/** A group a user is a direct member of, as the user's {@code groups} attribute shows it. */
public record GroupRef(String id, String name) {
}
