package dev.rowguard.postgres.internal;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.eval.Values;

/**
 * The principal as policies see it through {@code auth()}, as JSON for
 * {@code rowguard.principal}: what the generated row-level security policies read. Its
 * members keep their JSON types (a number attribute stays a number) because the policies'
 * conversions depend on them, as the in-memory evaluator's do; enum constants become
 * their names and instants ISO-8601 text.
 */
final class PrincipalJson {

    private PrincipalJson() {
    }

    static String write(AuthPrincipal principal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", principal.id());
        json.put("provider", principal.provider());
        json.put("email", principal.email());
        json.put("roles", List.copyOf(principal.roles()));
        json.put("orgId", principal.orgId());
        json.put("orgRole", principal.orgRole());
        json.put("orgPermissions", List.copyOf(principal.orgPermissions()));
        Map<String, Object> attributes = new LinkedHashMap<>();
        principal.attributes().forEach((name, value) -> attributes.put(name, normalized(value)));
        json.put("attributes", attributes);
        return ClaimsJson.write(json);
    }

    private static Object normalized(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(PrincipalJson::normalized).toList();
        }
        if (value instanceof Enum<?> || value instanceof Temporal || value instanceof Date) {
            return Values.normalize(value).toString();
        }
        return value;
    }

}
