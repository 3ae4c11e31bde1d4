package dev.rowguard.auth.internal;

import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;

/** {@code email}, when the token carries one. */
public final class StandardClaimsMapper implements PrincipalClaimMapper {

    @Override
    public void map(Map<String, Object> claims, AuthPrincipal.Builder principal) {
        principal.email(ClaimPaths.string(claims, "email"));
    }

}
