package dev.rowguard.auth.internal;

import java.util.function.Predicate;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tests one claim, absent included (Spring's {@code JwtClaimValidator} fails an absent
 * claim before asking). The error names the claim, never its value.
 */
final class ClaimValidator implements OAuth2TokenValidator<Jwt> {

    private final String claim;

    private final Predicate<Object> test;

    private final OAuth2Error error;

    ClaimValidator(String claim, Predicate<Object> test) {
        this.claim = claim;
        this.test = test;
        this.error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The " + claim + " claim is not valid", null);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return test.test(token.getClaims().get(claim)) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(error);
    }

}
