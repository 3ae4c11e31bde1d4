package dev.rowguard.context;

import dev.rowguard.auth.AuthPrincipal;

/**
 * Who policies are enforced for right now: the system (no enforcement), or a principal,
 * which is null for an anonymous caller.
 */
public record Caller(boolean system, AuthPrincipal principal) {

    public static final Caller SYSTEM = new Caller(true, null);

    public static final Caller ANONYMOUS = new Caller(false, null);

    public static Caller of(AuthPrincipal principal) {
        return principal == null ? ANONYMOUS : new Caller(false, principal);
    }
}
