package dev.rowguard.policy.internal.bind;

import java.util.List;
import java.util.Objects;

import dev.rowguard.policy.internal.model.ValueKind;

import org.jspecify.annotations.Nullable;

/**
 * The static type of a policy expression.
 *
 * @param kind what sort of value
 * @param scalar for {@link Kind#SCALAR}: which scalar kind
 * @param entity for {@link Kind#ENTITY}: the entity name
 * @param enumConstants for enum scalars: the constant names
 */
public record Type(Kind kind, @Nullable ValueKind scalar, @Nullable String entity, List<String> enumConstants) {

    public enum Kind {

        SCALAR, ENTITY, AUTH, LIST, NULL, ANY, TO_MANY, BEFORE

    }

    public static final Type BOOLEAN = scalar(ValueKind.BOOLEAN);

    public static final Type STRING = scalar(ValueKind.STRING);

    public static final Type NUMBER = scalar(ValueKind.NUMBER);

    public static final Type TEMPORAL = scalar(ValueKind.TEMPORAL);

    public static final Type NULL = new Type(Kind.NULL, null, null, List.of());

    public static final Type ANY = new Type(Kind.ANY, null, null, List.of());

    public static final Type LIST = new Type(Kind.LIST, null, null, List.of());

    public static final Type AUTH = new Type(Kind.AUTH, null, null, List.of());

    public static final Type BEFORE = new Type(Kind.BEFORE, null, null, List.of());

    public static Type scalar(ValueKind kind) {
        return new Type(Kind.SCALAR, kind, null, List.of());
    }

    public static Type enumeration(List<String> constants) {
        return new Type(Kind.SCALAR, ValueKind.ENUM, null, List.copyOf(constants));
    }

    public static Type entity(String name) {
        return new Type(Kind.ENTITY, null, name, List.of());
    }

    public static Type toMany(String element) {
        return new Type(Kind.TO_MANY, null, element, List.of());
    }

    public boolean isBoolean() {
        return (kind == Kind.SCALAR && scalar == ValueKind.BOOLEAN) || kind == Kind.ANY;
    }

    public boolean is(ValueKind valueKind) {
        return kind == Kind.SCALAR && scalar == valueKind;
    }

    public String describe() {
        return switch (kind) {
            case SCALAR -> scalar == ValueKind.ENUM ? "an enum " + enumConstants
                    : "a " + Objects.requireNonNull(scalar).name().toLowerCase();
            case ENTITY -> "an entity (" + entity + ")";
            case AUTH -> "auth()";
            case LIST -> "a list";
            case NULL -> "null";
            case ANY -> "a value of any type";
            case TO_MANY -> "a to-many relation (of " + entity + ")";
            case BEFORE -> "before()";
        };
    }
}
