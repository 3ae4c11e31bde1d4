package dev.rowguard.slice;

import java.util.List;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} gets Rowguard's JPA configuration as the full application does:
 * the policies hold in repository tests, and callers switch inside the test's
 * transaction.
 */
@DataJpaTest(properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.flyway.enabled=false" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@WithTestPostgres
class DataJpaSliceTest {

    @Autowired
    MemoRepository memos;

    @BeforeEach
    void aliceAndBobEachWroteAMemo() {
        Rowguard.asSystem(() -> {
            memos.save(new Memo("alice's memo", "alice"));
            memos.save(new Memo("bob's memo", "bob"));
        });
    }

    @Test
    void runAsInsideTheTestsTransactionSwitchesTheCaller() {
        List<String> alice = Rowguard.runAs(AuthPrincipal.of("alice"), () -> texts());
        List<String> bob = Rowguard.runAs(AuthPrincipal.of("bob"), () -> texts());
        assertThat(alice).containsExactly("alice's memo");
        assertThat(bob).containsExactly("bob's memo");
        assertThat(texts()).as("anonymous").isEmpty();
    }

    @Test
    @WithMockUser(username = "bob")
    void withMockUserIsTheCallerOfARepositoryTest() {
        assertThat(texts()).containsExactly("bob's memo");
        Memo saved = memos.saveAndFlush(new Memo("bob's second memo"));
        assertThat(saved.getOwnerId()).as("@AuthDefault from the mock user").isEqualTo("bob");
    }

    private List<String> texts() {
        return memos.findAll().stream().map(Memo::getText).sorted().toList();
    }

}
