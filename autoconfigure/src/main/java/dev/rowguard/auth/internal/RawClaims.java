package dev.rowguard.auth.internal;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims of an already verified token exactly as the JSON carried them ({@code exp}
 * stays a number, {@code aud} stays a string if it was one), unlike
 * {@link Jwt#getClaims()}, which Spring converts.
 */
final class RawClaims {

    private RawClaims() {
    }

    static Map<String, Object> of(Jwt jwt) {
        String token = jwt.getTokenValue();
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            throw new BadJwtException("Malformed token");
        }
        try {
            return JSONObjectUtils.parse(new Base64URL(token.substring(first + 1, second)).decodeToString());
        }
        catch (ParseException ex) {
            throw new BadJwtException("Malformed payload", ex);
        }
    }

}
