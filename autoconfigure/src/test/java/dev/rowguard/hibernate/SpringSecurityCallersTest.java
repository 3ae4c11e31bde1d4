package dev.rowguard.hibernate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way Spring Security signs a caller in is a Rowguard caller: each kind of
 * authentication in Spring Security's context reads exactly the rows
 * {@code Rowguard.runAs} reads for the same user.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringSecurityCallersTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @BeforeAll
    void load() {
        TodoFixture.load(em, tx);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFormOrBasicLoginReadsItsUsersRows() {
        User alice = (User) User.withUsername("alice").password("{noop}x").roles("USER").build();
        assertReadsAs("alice", UsernamePasswordAuthenticationToken.authenticated(alice, null, alice.getAuthorities()));
    }

    @Test
    void anyAuthenticatedAuthenticationIsItsNameWithItsRolesWithoutThePrefix() {
        assertReadsAs("bob", new TestingAuthenticationToken("bob", null, "ROLE_auditor", "SCOPE_x"));
        AuthPrincipal principal = principalOf(new TestingAuthenticationToken("bob", null, "ROLE_auditor", "SCOPE_x"));
        assertThat(principal.roles()).containsExactly("auditor");
    }

    @Test
    void anApplicationsOwnResourceServerTokenReadsItsSubjectsRows() {
        Jwt jwt = Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("carol")
            .issuer("https://login.example.com")
            .claim("email", "carol@example.com")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt,
                AuthorityUtils.createAuthorityList("SCOPE_read"));
        assertReadsAs("carol", token);
        assertThat(principalOf(token).email()).isEqualTo("carol@example.com");
    }

    @Test
    void anOpaqueTokenOrOidcLoginReadsItsSubjectsRows() {
        var introspected = new DefaultOAuth2AuthenticatedPrincipal("alice", Map.of("sub", "alice"),
                AuthorityUtils.createAuthorityList("SCOPE_read"));
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "opaque",
                Instant.now(), Instant.now().plusSeconds(60));
        assertReadsAs("alice", new BearerTokenAuthentication(introspected, accessToken, introspected.getAuthorities()));
        OidcIdToken idToken = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "bob"));
        DefaultOidcUser oidcUser = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
        assertReadsAs("bob", new TestingAuthenticationToken(oidcUser, null, oidcUser.getAuthorities()));
    }

    @Test
    void anAnonymousAuthenticationIsAnonymous() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(principalOf(anonymous)).isNull();
        assertThat(titlesWith(anonymous)).isEqualTo(titles(null)).isEmpty();
    }

    @Test
    @WithMockUser(username = "alice")
    void withMockUserRunsAsThatUser() {
        List<String> titles = tx
            .execute(status -> em.createQuery("select l.title from TodoList l order by l.title", String.class)
                .getResultList());
        assertThat(titles).isEqualTo(titles(ALICE)).contains("alice private");
    }

    private void assertReadsAs(String user, Authentication authentication) {
        List<String> expected = titles(AuthPrincipal.of(user));
        assertThat(expected).isNotEmpty();
        assertThat(titlesWith(authentication)).as("rows read with %s", authentication.getClass().getSimpleName())
            .isEqualTo(expected);
        assertThat(principalOf(authentication).id()).isEqualTo(user);
    }

    private List<String> titlesWith(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            return tx.execute(status -> em.createQuery("select l.title from TodoList l order by l.title", String.class)
                .getResultList());
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<String> titles(AuthPrincipal principal) {
        return Rowguard.runAs(principal,
                (Supplier<List<String>>) () -> tx
                    .execute(status -> em.createQuery("select l.title from TodoList l order by l.title", String.class)
                        .getResultList()));
    }

    private static AuthPrincipal principalOf(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            return Rowguard.currentPrincipal().orElse(null);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

}
