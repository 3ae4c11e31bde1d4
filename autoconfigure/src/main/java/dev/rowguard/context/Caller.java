package dev.rowguard.context;

import org.jspecify.annotations.Nullable;
import dev.rowguard.auth.AuthPrincipal;

/**
 * Who policies are enforced for right now: the system (no enforcement), or a principal,
 * which is null for an anonymous caller.
 */
public record Caller(boolean system, @Nullable AuthPrincipal principal) {

    public static final Caller SYSTEM = new Caller(true, null);

    public static final Caller ANONYMOUS = new Caller(false, null);

    public static Caller of(@Nullable AuthPrincipal principal) {
        return principal == null ? ANONYMOUS : new Caller(false, principal);
    }
}
