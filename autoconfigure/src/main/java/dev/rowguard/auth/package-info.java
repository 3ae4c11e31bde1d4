/**
 * The verified caller ({@link dev.rowguard.auth.AuthPrincipal}) and the JWT handling that
 * produces it from Clerk, Supabase and OpenID Connect tokens.
 * <p>
 * Decisions worth knowing:
 * <ul>
 * <li>Each configured issuer is trusted explicitly; a token is verified only with the
 * keys, algorithms and checks of the issuer it names. Clerk accepts RS256, Supabase
 * ES256/RS256 (and HS256 only when {@code rowguard.supabase.jwt-secret} is set), OIDC
 * what {@code rowguard.oidc.jws-algorithms} lists.</li>
 * <li>Tokens longer than {@code rowguard.auth.max-token-size} (8 KiB by default) are
 * rejected unparsed.</li>
 * <li>Supabase's legacy anon key (verified with the JWT secret) means anonymous, as no
 * token does. The service-role key is rejected with 401: it is a database superuser
 * credential, never a user of the API, and silently treating it as anonymous would hide a
 * misuse.</li>
 * <li>{@code typ} must be {@code JWT} or absent ({@code at+jwt} is also accepted from
 * OIDC issuers).</li>
 * <li>A bad token is a 401 whose {@code WWW-Authenticate} description is a fixed text
 * naming the check that failed; keys that cannot be fetched give a 503 with
 * {@code Retry-After}.</li>
 * </ul>
 */
@NullMarked
package dev.rowguard.auth;

import org.jspecify.annotations.NullMarked;
