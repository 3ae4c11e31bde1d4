package dev.rowguard.auth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} for a token that fails,
 * 503 with {@code Retry-After} when the provider's keys are unreachable. Descriptions are
 * fixed texts naming the check that failed ({@link TokenRejection}: expired, issuer,
 * audience, signature...), never taken from the token or the parser (which may quote it);
 * a WARN at most once a minute per reason, each refusal's detail at DEBUG.
 */
public final class RowguardAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Log logger = LogFactory.getLog(RowguardAuthenticationEntryPoint.class);

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    private final Map<Object, Long> lastWarned = new ConcurrentHashMap<>();

    private final Clock clock;

    private final List<Consumer<String>> rejectionListeners = new CopyOnWriteArrayList<>();

    public RowguardAuthenticationEntryPoint() {
        this(Clock.systemUTC());
    }

    RowguardAuthenticationEntryPoint(Clock clock) {
        this.clock = clock;
    }

    /**
     * Told the reason of every refused token ({@link TokenRejection#reason()},
     * {@code malformed}, or {@code keys-unavailable}), e.g. to count them.
     */
    public void addRejectionListener(Consumer<String> listener) {
        rejectionListeners.add(listener);
    }

    private void rejected(String reason) {
        rejectionListeners.forEach(listener -> listener.accept(reason));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof IdentityProviderUnavailableException unavailable) {
            rejected("keys-unavailable");
            if (dueForWarning(IdentityProviderUnavailableException.class)) {
                logger.warn("Bearer token not verified, the identity provider is unavailable: "
                        + rootMessage(unavailable) + " (logged at most once a minute)");
            }
            unavailable(response, unavailable);
            return;
        }
        if (logger.isDebugEnabled() && failure instanceof OAuth2AuthenticationException) {
            logger.debug("Bearer token rejected: " + failure.getMessage());
        }
        bearer.commence(request, response, sanitized(failure));
    }

    private AuthenticationException sanitized(AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return failure; // no token at all: a plain "Bearer" challenge
        }
        OAuth2Error error = oauth.getError();
        if (BearerTokenErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())) {
            rejected(TokenRejection.MALFORMED.reason());
            return new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_REQUEST,
                    HttpStatus.BAD_REQUEST, "The request carries a malformed bearer token", null));
        }
        TokenRejection rejection = TokenRejection.of(failure);
        rejected(rejection.reason());
        warnAtMostOnceAMinute(rejection);
        return new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_TOKEN,
                HttpStatus.UNAUTHORIZED, rejection.description(), null));
    }

    /**
     * A misconfigured client or provider shows in the log without flooding it: once a
     * minute per reason.
     */
    private void warnAtMostOnceAMinute(TokenRejection rejection) {
        if (dueForWarning(rejection)) {
            logger.warn("Rowguard: bearer tokens are being refused: " + rejection.description().toLowerCase(Locale.ROOT)
                    + " (reason " + rejection.reason() + "; logged at most once a minute per reason, each"
                    + " refusal at DEBUG)");
        }
    }

    /**
     * Whether a warning of this kind was last logged a minute ago or more (and now is).
     */
    private boolean dueForWarning(Object kind) {
        long now = clock.millis();
        Long last = lastWarned.get(kind);
        if (last != null && now - last < 60_000) {
            return false;
        }
        lastWarned.put(kind, now);
        return true;
    }

    private static void unavailable(HttpServletResponse response, IdentityProviderUnavailableException failure)
            throws IOException {
        long seconds = Math.max(1, failure.retryAfter().toSeconds());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"The identity provider's signing keys cannot be fetched; retry later.\"}")
            .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static @Nullable String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

}
