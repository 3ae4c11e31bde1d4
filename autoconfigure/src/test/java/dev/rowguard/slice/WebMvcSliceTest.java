package dev.rowguard.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} gets Rowguard's web side as the full application does: its
 * security chain (anonymous requests pass, a bad token is a 401), its problem handlers,
 * and every Spring Security test authentication as the caller.
 */
@WebMvcTest(controllers = MemoController.class, properties = "rowguard.oidc.issuer=https://login.example.com")
class WebMvcSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aDeniedWriteIsA403ProblemAsInTheApplication() throws Exception {
        mvc.perform(get("/memos/denied"))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.entity").value("Memo"))
            .andExpect(jsonPath("$.operation").value("UPDATE"));
    }

    @Test
    void theDecidingRulesCodeAndMessageReachTheClientButNotItsExpression() throws Exception {
        mvc.perform(get("/memos/locked"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("memo.locked"))
            .andExpect(jsonPath("$.message").value("Locked memos cannot be edited"))
            .andExpect(jsonPath("$.rules").doesNotExist());
        mvc.perform(get("/memos/denied"))
            .andExpect(jsonPath("$.code").doesNotExist())
            .andExpect(jsonPath("$.message").doesNotExist());
    }

    @Test
    void anonymousRequestsPassAndTheRulesDecide() throws Exception {
        mvc.perform(get("/memos/caller")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value("anonymous"));
    }

    @Test
    void aBadBearerTokenIsA401FromRowguardsChain() throws Exception {
        mvc.perform(get("/memos/caller").header("Authorization", "Bearer not-a-token"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void anAuthPrincipalParameterIsTheCallerWhateverTheAuthentication() throws Exception {
        mvc.perform(get("/memos/me").with(jwt().jwt(token -> token.subject("bob").claim("email", "bob@example.com"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("bob"))
            .andExpect(jsonPath("$.email").value("bob@example.com"));
        mvc.perform(get("/memos/me")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value("anonymous"));
    }

    @Test
    void anUnannotatedAuthPrincipalParameterIsTheCallerNotSpringMvcsRequestPrincipal() throws Exception {
        mvc.perform(get("/memos/plain-me").with(jwt().jwt(token -> token.subject("carol"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("carol"));
        mvc.perform(get("/memos/plain-me")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value("anonymous"));
    }

    @Test
    void springSecurityTestsJwtIsTheCaller() throws Exception {
        mvc.perform(get("/memos/caller").with(jwt().jwt(token -> token.subject("alice"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("alice"));
    }

}
