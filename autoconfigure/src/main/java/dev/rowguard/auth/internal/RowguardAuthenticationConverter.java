package dev.rowguard.auth.internal;

import java.util.ArrayList;
import java.util.List;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.auth.RowguardAuthenticationToken;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token to a {@link RowguardAuthenticationToken}; each role becomes a {@code ROLE_} authority. */
public final class RowguardAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Converter<Jwt, AuthPrincipal> principalConverter;

    public RowguardAuthenticationConverter(Converter<Jwt, AuthPrincipal> principalConverter) {
        this.principalConverter = principalConverter;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        AuthPrincipal principal = principalConverter.convert(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : principal.roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        return new RowguardAuthenticationToken(jwt, principal, authorities);
    }
}
