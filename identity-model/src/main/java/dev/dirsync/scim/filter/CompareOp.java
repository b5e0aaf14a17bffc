package dev.dirsync.scim.filter;

import java.util.Locale;

/** The comparison operators of RFC 7644 §3.4.2.2, Table 3. */
public enum CompareOp {
    EQ, NE, CO, SW, EW, GT, LT, GE, LE;

    static CompareOp of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    public boolean isOrdering() {
        return this == GT || this == LT || this == GE || this == LE;
    }

    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
