package dev.rowguard.auth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * fixed texts, never taken from the token or the parser (which may quote it); the detail
 * goes to the DEBUG log.
 */
public final class RowguardAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Log logger = LogFactory.getLog(RowguardAuthenticationEntryPoint.class);

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof IdentityProviderUnavailableException unavailable) {
            logger.warn("Bearer token not verified, the identity provider is unavailable: " + rootMessage(unavailable));
            unavailable(response, unavailable);
            return;
        }
        if (logger.isDebugEnabled() && failure instanceof OAuth2AuthenticationException) {
            logger.debug("Bearer token rejected: " + failure.getMessage());
        }
        bearer.commence(request, response, sanitized(failure));
    }

    private static AuthenticationException sanitized(AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return failure; // no token at all: a plain "Bearer" challenge
        }
        OAuth2Error error = oauth.getError();
        if (BearerTokenErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())) {
            return new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_REQUEST,
                    HttpStatus.BAD_REQUEST, "The request carries a malformed bearer token", null));
        }
        return new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_TOKEN,
                HttpStatus.UNAUTHORIZED, "The bearer token is invalid", null));
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

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

}
