package dev.rowguard.slice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code rowguard.web.expose-rules=true}: a 403 lists the rules that decided it. */
@WebMvcTest(controllers = MemoController.class,
        properties = { "rowguard.oidc.issuer=https://login.example.com", "rowguard.web.expose-rules=true",
                "logging.level.dev.rowguard.decisions=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class ExposedRulesWebMvcSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aHiddenRow404IsLoggedAtDebugNamingTheEntityAndCaller(CapturedOutput output) throws Exception {
        mvc.perform(get("/memos/gone")).andExpect(status().isNotFound());
        assertThat(output).contains("Answered 404 for a Memo row that does not exist for an anonymous caller");
    }

    @Test
    void aForbiddenProblemListsTheDecidingRulesWithTheirEffectExpressionAndCode() throws Exception {
        mvc.perform(get("/memos/locked"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("memo.locked"))
            .andExpect(jsonPath("$.rules[0].effect").value("DENY"))
            .andExpect(jsonPath("$.rules[0].expression").value("locked"))
            .andExpect(jsonPath("$.rules[0].code").value("memo.locked"));
    }

}
