package dev.rowguard.auth;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Adjusts the principal built from a verified token, after Rowguard's own claim mapping.
 * Declare beans of this type; they run in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface AuthPrincipalCustomizer {

    /**
     * @param jwt the verified token
     * @param principal the principal as mapped so far; change it through the builder
     */
    void customize(Jwt jwt, AuthPrincipal.Builder principal);

}
