package dev.rowguard.auth.internal;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.auth.AuthPrincipalResolver;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The {@link AuthPrincipalResolver} the caller context uses, installed by the
 * auto-configuration (a standalone default otherwise). Rowguard asks for the caller many
 * times per request (every filter parameter, every statement), so the principal of the
 * thread's last authentication is kept: the same authentication object resolves once.
 */
public final class PrincipalResolution {

    private static final AuthPrincipalResolver STANDALONE = DefaultAuthPrincipalResolver.standalone();

    private static volatile AuthPrincipalResolver resolver = STANDALONE;

    private static final ThreadLocal<Memo> LAST = new ThreadLocal<>();

    private PrincipalResolution() {
    }

    public static void use(AuthPrincipalResolver installed) {
        resolver = installed;
    }

    /**
     * Puts the standalone resolver back, if {@code installed} is still the one in use.
     */
    public static void release(AuthPrincipalResolver installed) {
        if (resolver == installed) {
            resolver = STANDALONE;
        }
    }

    public static @Nullable AuthPrincipal resolve(@Nullable Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        AuthPrincipalResolver current = resolver;
        // Rowguard's own verified tokens carry their principal: no need to ask the
        // default resolver
        if (current == STANDALONE || current instanceof DefaultAuthPrincipalResolver) {
            if (authentication.getPrincipal() instanceof AuthPrincipal principal) {
                return authentication.isAuthenticated() ? principal : null;
            }
        }
        Memo last = LAST.get();
        if (last != null && last.authentication == authentication && last.resolver == current) {
            return last.principal;
        }
        AuthPrincipal principal = current.resolve(authentication);
        LAST.set(new Memo(authentication, current, principal));
        return principal;
    }

    private record Memo(Authentication authentication, AuthPrincipalResolver resolver,
            @Nullable AuthPrincipal principal) {
    }

}
