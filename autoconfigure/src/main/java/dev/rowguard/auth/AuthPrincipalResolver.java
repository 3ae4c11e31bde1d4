package dev.rowguard.auth;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Who a Spring Security {@link Authentication} is to the policies: the
 * {@link AuthPrincipal} that {@code auth()} sees, or null for an anonymous caller.
 * Rowguard asks it for the authentication in Spring Security's context wherever it needs
 * the caller (read filters, write checks, {@code @AuthDefault}, the session claims), so
 * every way an application signs people in is a Rowguard caller: Rowguard's own verified
 * tokens, an application's own resource server ({@code JwtAuthenticationToken}), OAuth2
 * and OIDC logins, form and basic logins, and the authentications of spring-security-test
 * ({@code @WithMockUser}, {@code jwt()}).
 * <p>
 * Auto-configured; declare a bean of this type to replace it. The default maps an
 * {@code AuthPrincipal} principal as it is; a {@code Jwt} through the claim mapping of
 * the configured provider whose issuer it names (the generic OpenID Connect mapping
 * otherwise); an {@code OAuth2AuthenticatedPrincipal} or {@code OidcUser} from its
 * attributes; any other authenticated authentication as id = {@code getName()} with its
 * role authorities, prefix removed, as roles; an anonymous or unauthenticated one as
 * null.
 * <p>
 * The default takes ids as each source names them (a username, a token's {@code sub}). An
 * application that signs people in through several sources whose ids could collide
 * (self-chosen usernames beside an OAuth2 provider's numeric ids, two issuers) should
 * declare a resolver that keeps them apart, for example by prefixing the source: the
 * policies and {@code @AuthDefault} owner columns then see the prefixed ids. A
 * replacement resolver is asked for Rowguard's own verified tokens too.
 */
@FunctionalInterface
public interface AuthPrincipalResolver {

    /**
     * @param authentication the authentication of Spring Security's context, possibly
     * null
     * @return the caller the policies see, or null for an anonymous caller
     */
    @Nullable AuthPrincipal resolve(@Nullable Authentication authentication);

}
