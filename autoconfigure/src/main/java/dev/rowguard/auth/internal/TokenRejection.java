package dev.rowguard.auth.internal;

import java.util.Locale;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Why a bearer token was refused, told from the failure without reading the token: the
 * check that failed, as a fixed text that names no claim value, key or token part.
 */
public enum TokenRejection {

    EXPIRED("expired", "The bearer token has expired"),
    NOT_YET_VALID("not-yet-valid", "The bearer token is not valid yet"),
    ISSUER("issuer", "The bearer token's issuer is not trusted"),
    AUDIENCE("audience", "The bearer token is meant for another audience"),
    AUTHORIZED_PARTY("authorized-party", "The bearer token was issued to a party that is not authorized"),
    CLAIM("claim", "A claim of the bearer token is not accepted"),
    TYPE("type", "The bearer token's type is not accepted"),
    SIGNATURE("signature", "The bearer token's signature does not verify"),
    UNKNOWN_KEY("unknown-key", "The bearer token is signed with a key the issuer does not publish"),
    MALFORMED("malformed", "The bearer token is malformed");

    private final String reason;

    private final String description;

    TokenRejection(String reason, String description) {
        this.reason = reason;
        this.description = description;
    }

    /** The short reason ({@code expired}, {@code signature}...), for logs and metrics. */
    public String reason() {
        return reason;
    }

    /** The {@code error_description} of the 401. */
    public String description() {
        return description;
    }

    /** The reason of a failed authentication, from its cause chain. */
    public static TokenRejection of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JwtValidationException validation && !validation.getErrors().isEmpty()) {
                return ofValidation(validation.getErrors().iterator().next());
            }
        }
        String messages = messages(failure);
        if (messages.contains("invalid issuer") || messages.contains("issuer")) {
            return ISSUER;
        }
        if (messages.contains("no matching key") || messages.contains("another algorithm expected")) {
            return UNKNOWN_KEY;
        }
        if (messages.contains("signature")) {
            return SIGNATURE;
        }
        return MALFORMED;
    }

    private static TokenRejection ofValidation(OAuth2Error error) {
        String description = error.getDescription() == null ? "" : error.getDescription().toLowerCase(Locale.ROOT);
        if (description.contains("expired")) {
            return EXPIRED;
        }
        if (description.contains("used before")) {
            return NOT_YET_VALID;
        }
        if (description.contains("iss claim")) {
            return ISSUER;
        }
        if (description.contains("aud claim")) {
            return AUDIENCE;
        }
        if (description.contains("azp claim")) {
            return AUTHORIZED_PARTY;
        }
        if (description.contains("typ")) {
            return TYPE;
        }
        if (description.contains("exp")) {
            return EXPIRED;
        }
        return CLAIM;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null) {
                all.append(cause.getMessage().toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        return all.toString();
    }

}
