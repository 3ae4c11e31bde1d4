package dev.rowguard.slice;

import java.util.List;

import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's test transaction starts before {@code @WithMockUser} sets the user, so the
 * session begins as an anonymous caller's: as long as it holds nothing, its filters
 * follow the user, with no set-up of Rowguard's in the test.
 */
@DataJpaTest(properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.flyway.enabled=false" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@WithTestPostgres
class WithMockUserRepositoryTest {

    @Autowired
    MemoRepository memos;

    @Test
    @WithMockUser(username = "carol")
    void theMockUserIsTheCallerFromTheFirstStatementOfTheTestsTransaction() {
        memos.save(new Memo("carol's memo"));
        List<String> texts = memos.findAll().stream().map(Memo::getText).toList();
        assertThat(texts).contains("carol's memo");
        assertThat(memos.findAll()).allMatch(memo -> "carol".equals(memo.getOwnerId()));
    }

    @Test
    @WithMockUser(username = "carol")
    void aQueryAsTheFirstStatementRunsAsTheMockUserToo() {
        assertThat(memos.findAll()).allMatch(memo -> "carol".equals(memo.getOwnerId()));
    }

}
