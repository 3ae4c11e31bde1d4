package dev.rowguard.devkit.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims a {@code /dev/token} query asks for:
 * {@code sub=alice&org_id=org_1&metadata.region=ne}. A dotted name nests
 * ({@code metadata.region=ne} gives {@code "metadata": {"region": "ne"}}), a repeated one
 * becomes a list, and numbers and booleans keep their type.
 */
final class TokenRequestClaims {

    private TokenRequestClaims() {
    }

    static Map<String, Object> from(Map<String, String[]> parameters) {
        Map<String, Object> claims = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            List<Object> typed = Arrays.stream(values).map(TypedValues::parse).toList();
            nest(claims, name, typed.size() == 1 ? typed.get(0) : typed);
        });
        return claims;
    }

    @SuppressWarnings("unchecked")
    private static void nest(Map<String, Object> claims, String dottedName, Object value) {
        int dot = dottedName.indexOf('.');
        if (dot <= 0 || dot == dottedName.length() - 1) {
            claims.put(dottedName, value);
            return;
        }
        Object child = claims.computeIfAbsent(dottedName.substring(0, dot), key -> new LinkedHashMap<String, Object>());
        if (child instanceof Map<?, ?> nested) {
            nest((Map<String, Object>) nested, dottedName.substring(dot + 1), value);
        }
    }

}
