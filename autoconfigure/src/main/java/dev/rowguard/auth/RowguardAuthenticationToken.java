package dev.rowguard.auth;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * The authentication for a verified bearer token: {@link #getPrincipal()} is the
 * {@link AuthPrincipal}, the credentials the {@link Jwt}.
 */
public final class RowguardAuthenticationToken extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final AuthPrincipal principal;

    public RowguardAuthenticationToken(Jwt jwt, AuthPrincipal principal,
            Collection<? extends GrantedAuthority> authorities) {
        super(jwt, principal, jwt, authorities);
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public AuthPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return principal.id();
    }

}
