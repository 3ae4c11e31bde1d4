package dev.rowguard.test;

import java.util.List;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.devkit.internal.TypedValues;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Builds the security context of {@link WithAuthPrincipal}: an authentication whose
 * principal is the {@link AuthPrincipal}, with a role authority per role (prefixed as the
 * application's {@link GrantedAuthorityDefaults} say, {@code ROLE_} by default).
 */
public final class WithAuthPrincipalSecurityContextFactory implements WithSecurityContextFactory<WithAuthPrincipal> {

    private String rolePrefix = "ROLE_";

    @Autowired(required = false)
    void setGrantedAuthorityDefaults(GrantedAuthorityDefaults defaults) {
        this.rolePrefix = defaults.getRolePrefix();
    }

    @Override
    public SecurityContext createSecurityContext(WithAuthPrincipal annotation) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(PrincipalAuthentication.of(principal(annotation), rolePrefix));
        return context;
    }

    static AuthPrincipal principal(WithAuthPrincipal annotation) {
        AuthPrincipal.Builder principal = AuthPrincipal.builder(annotation.id())
            .provider("test")
            .roles(List.of(annotation.roles()));
        if (!annotation.orgId().isEmpty()) {
            principal.orgId(annotation.orgId());
        }
        if (!annotation.orgRole().isEmpty()) {
            principal.orgRole(annotation.orgRole());
        }
        if (!annotation.email().isEmpty()) {
            principal.email(annotation.email());
        }
        for (String attribute : annotation.attributes()) {
            int equals = attribute.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "@WithAuthPrincipal attributes are name=value pairs; '" + attribute + "' is not");
            }
            principal.attribute(attribute.substring(0, equals).trim(),
                    TypedValues.parse(attribute.substring(equals + 1).trim()));
        }
        return principal.build();
    }

}
