package dev.rowguard.test;

import java.util.List;

import dev.rowguard.auth.AuthPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated caller whose principal is an {@link AuthPrincipal}. */
final class PrincipalAuthentication {

    private PrincipalAuthentication() {
    }

    static Authentication of(AuthPrincipal principal, String rolePrefix) {
        List<SimpleGrantedAuthority> authorities = principal.roles()
            .stream()
            .map(role -> new SimpleGrantedAuthority(rolePrefix + role))
            .toList();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

}
