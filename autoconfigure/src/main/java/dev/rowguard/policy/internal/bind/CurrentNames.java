package dev.rowguard.policy.internal.bind;

import java.util.List;
import java.util.Locale;

import dev.rowguard.policy.Operation;

import org.jspecify.annotations.Nullable;

/**
 * What {@code currentOperation()} and {@code currentModel()} stand for, spelled as in
 * ZenStack.
 */
final class CurrentNames {

    static final List<String> OPERATIONS = List.of("create", "read", "update", "post-update", "delete");

    private CurrentNames() {
    }

    static String operation(Operation operation) {
        return switch (operation) {
            case CREATE -> "create";
            case READ -> "read";
            case UPDATE -> "update";
            case POST_UPDATE -> "post-update";
            case DELETE -> "delete";
            case ALL -> throw new IllegalArgumentException("a rule is bound for one operation at a time");
        };
    }

    /** The entity name in the casing, or null for a casing ZenStack does not know. */
    static @Nullable String cased(String name, String casing) {
        if (name.isEmpty()) {
            return name;
        }
        return switch (casing) {
            case "upper" -> name.toUpperCase(Locale.ROOT);
            case "lower" -> name.toLowerCase(Locale.ROOT);
            case "capitalize" -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
            case "uncapitalize" -> Character.toLowerCase(name.charAt(0)) + name.substring(1);
            default -> null;
        };
    }

}
