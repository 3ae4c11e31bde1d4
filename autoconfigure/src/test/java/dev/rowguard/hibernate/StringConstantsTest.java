package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.OrgGrant;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * String constants reach Hibernate's filters intact, colons, backslashes and braces
 * included.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
class StringConstantsTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aReadRuleComparingWithConstantsThatHoldAColonOrABraceFiltersThroughHibernate() {
        Enforcement enforcement = new Enforcement(em, tx);
        for (String role : List.of("org:admin", "org:a\\b", "x{alias}.y", "org:member")) {
            enforcement.persistAsSystem(new OrgGrant(role));
        }
        List<String> visible = enforcement.as(AuthPrincipal.of("someone"),
                (EntityManager em) -> em.createQuery("select g.role from OrgGrant g order by g.role", String.class)
                    .getResultList());
        assertThat(visible).containsExactly("org:member");
        Long counted = enforcement.as(AuthPrincipal.of("someone"),
                (EntityManager em) -> em.createQuery("select count(g) from OrgGrant g", Long.class).getSingleResult());
        assertThat(counted).isEqualTo(1);
    }

}
