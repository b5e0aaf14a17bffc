package dev.dirsync.scim.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One attribute (or sub-attribute) of a SCIM schema, with the characteristics of RFC 7643 §2.2 and §7.
 * Immutable. Names compare case-insensitively ({@link #named(String)}).
 */
public record AttributeDefinition(String name, AttributeType type, boolean multiValued, String description,
        boolean required, boolean caseExact, Mutability mutability, Returned returned, Uniqueness uniqueness,
        List<String> canonicalValues, List<String> referenceTypes, List<AttributeDefinition> subAttributes) {

    public AttributeDefinition {
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
    }

    /** The sub-attribute called {@code name} (case-insensitive). */
    public Optional<AttributeDefinition> subAttribute(String name) {
        return subAttributes.stream().filter(a -> a.named(name)).findFirst();
    }

    public boolean named(String other) {
        return name.equalsIgnoreCase(other);
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** A copy with {@code subs} as its sub-attributes. */
    public AttributeDefinition withSubAttributes(List<AttributeDefinition> subs) {
        return new AttributeDefinition(name, type, multiValued, description, required, caseExact, mutability,
                returned, uniqueness, canonicalValues, referenceTypes, subs);
    }

    public AttributeDefinition withMultiValued(boolean multi) {
        return new AttributeDefinition(name, type, multi, description, required, caseExact, mutability, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes);
    }

    public AttributeDefinition withRequired(boolean req) {
        return new AttributeDefinition(name, type, multiValued, description, req, caseExact, mutability, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes);
    }

    /** Starts a definition with RFC 7643 §2.2 defaults: string, single-valued, readWrite, default, none. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Fluent construction of {@link AttributeDefinition}s with the RFC's defaults. */
    public static final class Builder {
        private final String name;
        private AttributeType type = AttributeType.STRING;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private List<AttributeDefinition> subAttributes = List.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder type(AttributeType value) {
            this.type = value;
            return this;
        }

        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder caseExact() {
            this.caseExact = true;
            return this;
        }

        public Builder mutability(Mutability value) {
            this.mutability = value;
            return this;
        }

        public Builder returned(Returned value) {
            this.returned = value;
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = value;
            return this;
        }

        public Builder canonicalValues(String... values) {
            this.canonicalValues = List.of(values);
            return this;
        }

        public Builder referenceTypes(String... values) {
            this.referenceTypes = List.of(values);
            return this;
        }

        public Builder subAttributes(AttributeDefinition... values) {
            this.type = AttributeType.COMPLEX;
            this.subAttributes = List.of(values);
            return this;
        }

        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, description, required, caseExact, mutability,
                    returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
