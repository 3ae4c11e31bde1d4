package dev.rowguard.auth.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.auth.RowguardAuthenticationToken;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * A verified token to a {@link RowguardAuthenticationToken} with the
 * {@link AuthPrincipal} as its principal and exactly the authorities Spring Security's
 * own resource server gives the same token ({@code SCOPE_} from {@code scope} /
 * {@code scp}, the {@code FACTOR_BEARER} factor), plus one role authority per role, with
 * the application's role prefix ({@code ROLE_} unless {@code GrantedAuthorityDefaults}
 * says otherwise).
 */
public final class RowguardAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Converter<Jwt, AuthPrincipal> principalConverter;

    private final JwtAuthenticationConverter springAuthorities = new JwtAuthenticationConverter();

    private final String rolePrefix;

    public RowguardAuthenticationConverter(Converter<Jwt, AuthPrincipal> principalConverter, String rolePrefix) {
        this.principalConverter = principalConverter;
        this.rolePrefix = rolePrefix;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        AuthPrincipal principal = principalConverter.convert(jwt);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(springAuthorities.convert(jwt).getAuthorities());
        for (String role : principal.roles()) {
            authorities.add(new SimpleGrantedAuthority(rolePrefix + role));
        }
        return new RowguardAuthenticationToken(jwt, principal, authorities);
    }

}
