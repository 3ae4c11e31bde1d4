package dev.rowguard.auth.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.auth.AuthPrincipalResolver;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The default {@link AuthPrincipalResolver}: every kind of Spring Security authentication
 * to the principal its claims, attributes or authorities describe.
 */
public final class DefaultAuthPrincipalResolver implements AuthPrincipalResolver {

    /**
     * The provider of principals made from an authentication that carries no token
     * Rowguard knows.
     */
    static final String SPRING_SECURITY = "spring-security";

    private final Map<String, Converter<Jwt, ? extends AbstractAuthenticationToken>> convertersByIssuer;

    private final List<PrincipalClaimMapper> genericMappers;

    private final String rolePrefix;

    /**
     * @param convertersByIssuer the converters of the trusted issuers, by exact
     * {@code iss}
     * @param genericMappers the claim mappers of tokens and attributes from any other
     * issuer
     * @param rolePrefix the prefix of role authorities ({@code ROLE_}, or
     * {@code GrantedAuthorityDefaults}')
     */
    public DefaultAuthPrincipalResolver(
            Map<String, Converter<Jwt, ? extends AbstractAuthenticationToken>> convertersByIssuer,
            List<PrincipalClaimMapper> genericMappers, String rolePrefix) {
        this.convertersByIssuer = Map.copyOf(convertersByIssuer);
        this.genericMappers = List.copyOf(genericMappers);
        this.rolePrefix = rolePrefix;
    }

    /** A resolver that knows no issuer: standard claims only, {@code ROLE_} roles. */
    public static DefaultAuthPrincipalResolver standalone() {
        return new DefaultAuthPrincipalResolver(Map.of(), List.of(new StandardClaimsMapper()), "ROLE_");
    }

    @Override
    public @Nullable AuthPrincipal resolve(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof AuthPrincipal authPrincipal) {
            return authPrincipal;
        }
        if (principal instanceof Jwt jwt) {
            return fromJwt(jwt, authentication);
        }
        if (principal instanceof OAuth2AuthenticatedPrincipal oauth2) {
            return fromClaims(oauth2.getAttributes(), authentication);
        }
        String name = authentication.getName();
        if (name == null || name.isBlank()) {
            return null;
        }
        return AuthPrincipal.builder(name).provider(SPRING_SECURITY).roles(roles(authentication)).build();
    }

    private @Nullable AuthPrincipal fromJwt(Jwt jwt, Authentication authentication) {
        Converter<Jwt, ? extends AbstractAuthenticationToken> trusted = jwt.getIssuer() == null ? null
                : convertersByIssuer.get(jwt.getIssuer().toString());
        if (trusted != null) {
            AbstractAuthenticationToken converted = trusted.convert(jwt);
            return converted != null && converted.getPrincipal() instanceof AuthPrincipal mapped ? mapped : null;
        }
        return fromClaims(claimsOf(jwt), authentication);
    }

    /**
     * The claims as the token carried them; a Jwt built in code (spring-security-test's
     * jwt()) has no payload to read.
     */
    private static Map<String, Object> claimsOf(Jwt jwt) {
        try {
            return RawClaims.of(jwt);
        }
        catch (BadJwtException notAToken) {
            return jwt.getClaims();
        }
    }

    private @Nullable AuthPrincipal fromClaims(Map<String, Object> attributes, Authentication authentication) {
        Map<String, Object> claims = new LinkedHashMap<>(attributes);
        String id = claims.get("sub") instanceof String subject && !subject.isBlank() ? subject
                : authentication.getName();
        if (id == null || id.isBlank()) {
            return null;
        }
        AuthPrincipal.Builder principal = AuthPrincipal.builder(id).provider("oidc").claims(claims);
        for (PrincipalClaimMapper mapper : genericMappers) {
            mapper.map(claims, principal);
        }
        AuthPrincipal mapped = principal.build();
        Set<String> roles = new LinkedHashSet<>(mapped.roles());
        roles.addAll(roles(authentication));
        return mapped.toBuilder().roles(roles).build();
    }

    private Set<String> roles(Authentication authentication) {
        Set<String> roles = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(rolePrefix) && name.length() > rolePrefix.length()) {
                roles.add(name.substring(rolePrefix.length()));
            }
        }
        return roles;
    }

}
