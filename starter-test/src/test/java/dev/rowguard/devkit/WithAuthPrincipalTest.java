package dev.rowguard.devkit;

import java.util.List;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.devkit.app.DevkitTestApplication;
import dev.rowguard.devkit.app.Item;
import dev.rowguard.devkit.app.ItemRepository;
import dev.rowguard.test.WithAuthPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static dev.rowguard.test.RowguardRequestPostProcessors.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @WithAuthPrincipal} and {@code principal(...)}: tests of the policies without a
 * server or a token.
 */
@SpringBootTest(classes = DevkitTestApplication.class)
@Import(RowguardDevServices.class)
@AutoConfigureMockMvc
class WithAuthPrincipalTest {

    @Autowired
    ItemRepository items;

    @Autowired
    MockMvc mvc;

    Long alicesDraft;

    @BeforeEach
    void aliceHasADraft() {
        Rowguard.runAs(AuthPrincipal.of("alice"), () -> {
            Item draft = new Item();
            draft.setTitle("alice's draft");
            alicesDraft = items.save(draft).getId();
        });
    }

    @Test
    @WithAuthPrincipal(id = "alice", roles = { "editor", "admin" }, orgId = "org_1", orgRole = "admin",
            email = "alice@example.com", attributes = { "region=northeast", "approvalLimit=5000", "verified=true" })
    void theAnnotatedPrincipalIsTheCallerWithTypedAttributesAndRoleAuthorities() {
        AuthPrincipal caller = Rowguard.currentPrincipal().orElseThrow();
        assertThat(caller.id()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly("editor", "admin");
        assertThat(caller.orgId()).isEqualTo("org_1");
        assertThat(caller.orgRole()).isEqualTo("admin");
        assertThat(caller.email()).isEqualTo("alice@example.com");
        assertThat(caller.attributes()).containsEntry("region", "northeast")
            .containsEntry("approvalLimit", 5000L)
            .containsEntry("verified", true);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities()).extracting(Object::toString)
            .containsExactlyInAnyOrder("ROLE_editor", "ROLE_admin");
    }

    @Test
    @WithAuthPrincipal(id = "bob")
    void aRepositoryRunsAsTheAnnotatedPrincipal() {
        assertThat(items.findById(alicesDraft)).isEmpty();
        List<String> titles = items.findAll().stream().map(Item::getTitle).toList();
        assertThat(titles).doesNotContain("alice's draft");
    }

    @Test
    @WithAuthPrincipal(id = "alice")
    void theOwnerSeesHerDraft() {
        assertThat(items.findById(alicesDraft)).isPresent();
    }

    @Test
    void aMockMvcRequestRunsAsThePrincipalGiven() throws Exception {
        mvc.perform(get("/items/{id}", alicesDraft).with(principal(AuthPrincipal.of("alice"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("alice's draft"));
        mvc.perform(get("/items/{id}", alicesDraft).with(principal(AuthPrincipal.of("bob"))))
            .andExpect(status().isNotFound());
        mvc.perform(get("/items/{id}", alicesDraft)).andExpect(status().isNotFound());
    }

    @Test
    @WithAuthPrincipal(id = "alice")
    void aMockMvcRequestOfAnAnnotatedTestRunsAsTheAnnotatedPrincipal() throws Exception {
        mvc.perform(get("/items/{id}", alicesDraft)).andExpect(status().isOk());
    }

}
