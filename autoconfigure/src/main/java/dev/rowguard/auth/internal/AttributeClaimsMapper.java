package dev.rowguard.auth.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;

/**
 * The members declared in {@code rowguard.auth.attributes.*}: name to claim path, the
 * value kept as the token typed it (number, string, boolean, list, object), null when
 * absent.
 */
public final class AttributeClaimsMapper implements PrincipalClaimMapper {

    private final Map<String, String> attributes;

    public AttributeClaimsMapper(Map<String, String> attributes) {
        this.attributes = new LinkedHashMap<>(attributes);
    }

    @Override
    public void map(Map<String, Object> claims, AuthPrincipal.Builder principal) {
        attributes.forEach((name, path) -> principal.attribute(name, ClaimPaths.find(claims, path)));
    }

}
