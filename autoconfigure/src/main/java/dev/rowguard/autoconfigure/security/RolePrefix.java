package dev.rowguard.autoconfigure.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.core.GrantedAuthorityDefaults;

/**
 * The prefix of role authorities: {@code GrantedAuthorityDefaults}' when the application
 * declares one, else {@code ROLE_}.
 */
final class RolePrefix {

    private RolePrefix() {
    }

    static String of(ObjectProvider<GrantedAuthorityDefaults> defaults) {
        GrantedAuthorityDefaults declared = defaults.getIfUnique();
        return declared == null ? "ROLE_" : declared.getRolePrefix();
    }

}
