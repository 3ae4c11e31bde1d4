package dev.rowguard.auth.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads values out of a token's claims by a dotted path such as
 * {@code app_metadata.roles}.
 */
public final class ClaimPaths {

    private ClaimPaths() {
    }

    /**
     * The value at the path, as it was in the token (string, number, boolean, list or
     * object), or null. A claim whose own name contains dots (e.g.
     * {@code https://example.com/roles}) is found before the path is split.
     */
    public static @Nullable Object find(Map<String, Object> claims, String path) {
        if (claims == null || path == null || path.isEmpty()) {
            return null;
        }
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            Object head = claims.get(path.substring(0, dot));
            if (head instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Object found = find((Map<String, Object>) nested, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }

    /**
     * The value at the path as strings: a list gives its string elements, a string gives
     * itself.
     */
    public static Set<String> strings(Map<String, Object> claims, String path) {
        Object value = find(claims, path);
        Set<String> strings = new LinkedHashSet<>();
        if (value instanceof String string && !string.isBlank()) {
            strings.add(string);
        }
        else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (element instanceof String string && !string.isBlank()) {
                    strings.add(string);
                }
            }
        }
        return strings;
    }

    /** The value at the path if it is a string, else null. */
    public static @Nullable String string(Map<String, Object> claims, String path) {
        return find(claims, path) instanceof String string ? string : null;
    }

}
