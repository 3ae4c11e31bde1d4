package dev.rowguard.auth.internal;

import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;

/** One step of turning verified claims into an {@link AuthPrincipal}. */
@FunctionalInterface
public interface PrincipalClaimMapper {

    /**
     * @param claims the verified claims, raw
     * @param principal the principal being built
     */
    void map(Map<String, Object> claims, AuthPrincipal.Builder principal);

}
