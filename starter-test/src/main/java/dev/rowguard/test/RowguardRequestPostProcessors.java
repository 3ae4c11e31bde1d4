package dev.rowguard.test;

import dev.rowguard.auth.AuthPrincipal;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc requests as a Rowguard caller, without a token:
 *
 * <pre>{@code
 * mvc.perform(get("/api/notes").with(principal(AuthPrincipal.of("alice"))));
 * }</pre>
 */
public final class RowguardRequestPostProcessors {

    private RowguardRequestPostProcessors() {
    }

    /**
     * The request runs as the principal, with a {@code ROLE_} authority per role.
     * @param principal the caller the policies see
     * @return the post-processor
     */
    public static RequestPostProcessor principal(AuthPrincipal principal) {
        return SecurityMockMvcRequestPostProcessors.authentication(PrincipalAuthentication.of(principal, "ROLE_"));
    }

}
