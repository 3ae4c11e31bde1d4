package dev.rowguard.policy.internal.bind;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.rowguard.auth.AuthPrincipal;

import org.jspecify.annotations.Nullable;

/**
 * A member of {@code auth()}: a fixed principal field, or an attribute declared in
 * {@code rowguard.auth.attributes}.
 */
public record AuthMember(String name, boolean attribute) {

    private static final Map<String, Type> FIXED = Map.of("id", Type.ANY, "provider", Type.STRING, "email", Type.STRING,
            "roles", Type.LIST, "orgId", Type.STRING, "orgRole", Type.STRING, "orgPermissions", Type.LIST);

    public static @Nullable AuthMember resolve(String name, Set<String> declaredAttributes) {
        if (FIXED.containsKey(name)) {
            return new AuthMember(name, false);
        }
        if (declaredAttributes.contains(name)) {
            return new AuthMember(name, true);
        }
        return null;
    }

    public static Set<String> known(Set<String> declaredAttributes) {
        Set<String> names = new TreeSet<>(FIXED.keySet());
        names.addAll(declaredAttributes);
        return names;
    }

    public Type type() {
        return attribute ? Type.ANY : Objects.requireNonNull(FIXED.get(name));
    }

    /** This member's value for the principal; null when anonymous or absent. */
    public @Nullable Object valueOf(@Nullable AuthPrincipal principal) {
        if (principal == null) {
            return null;
        }
        if (attribute) {
            return principal.attributes().get(name);
        }
        return switch (name) {
            case "id" -> principal.id();
            case "provider" -> principal.provider();
            case "email" -> principal.email();
            case "roles" -> principal.roles();
            case "orgId" -> principal.orgId();
            case "orgRole" -> principal.orgRole();
            case "orgPermissions" -> principal.orgPermissions();
            default -> throw new IllegalStateException(name);
        };
    }
}
