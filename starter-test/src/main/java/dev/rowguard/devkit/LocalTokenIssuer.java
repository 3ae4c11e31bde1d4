package dev.rowguard.devkit;

import java.util.Map;

/**
 * Signs tokens that the application trusts while the dev services are on, the way its
 * identity provider would: a bean of {@link RowguardDevServices}. Each token carries the
 * claims the provider it plays puts in every token (Clerk: {@code azp}; Supabase:
 * {@code aud} and {@code role}), {@code iss}, {@code iat}, {@code nbf} and an expiry one
 * hour ahead, so it passes exactly the checks a real token passes.
 *
 * <pre>{@code
 * &#64;Autowired LocalTokenIssuer tokens;
 *
 * mvc.perform(get("/api/notes").header("Authorization", "Bearer " + tokens.token("alice")));
 * tokens.token(Map.of("sub", "carol", "org_id", "org_1", "org_role", "org:admin"));
 * }</pre>
 */
public interface LocalTokenIssuer {

    /**
     * A token for one user.
     * @param subject the user's id, the token's {@code sub}
     * @return the signed token, to be sent as {@code Authorization: Bearer <token>}
     */
    String token(String subject);

    /**
     * A token with the given claims on top of the defaults; a claim given here replaces
     * the default of the same name, a {@code null} value removes it.
     * @param claims the claims, {@code sub} among them; nested maps and lists are kept,
     * {@link java.time.Instant}s and epoch seconds are accepted for {@code exp},
     * {@code nbf} and {@code iat}
     * @return the signed token
     * @throws IllegalArgumentException when {@code sub} is missing
     */
    String token(Map<String, ?> claims);

    /**
     * The issuer the tokens name ({@code iss}), an {@code http://localhost} URL serving
     * its public keys.
     * @return the issuer identifier
     */
    String issuer();

}
