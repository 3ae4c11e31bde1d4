package dev.rowguard.auth.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A token could not be verified because the provider's keys are unreachable: a 503, not a
 * 401.
 */
public final class IdentityProviderUnavailableException extends AuthenticationException {

    private final Duration retryAfter;

    public IdentityProviderUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

}
